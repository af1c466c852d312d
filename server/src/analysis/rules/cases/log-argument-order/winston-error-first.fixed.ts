// @case library=winston loggerModule=src/logger.ts
// pino's order in a winston project: winston logs `{"message":{}}`, losing the error and the
// message. winston keeps both with the message first and the error as the meta.
import { logger } from '../logger';

export async function refund(run: () => Promise<void>) {
  try {
    await run();
  } catch (err) {
    logger.error('refund failed', err);
    logger.log('error', 'refund failed', err);
    logger.error('refund failed', err);
  }
  return run().catch((e: Error) => logger.warn(`refund retried`, e));
}
