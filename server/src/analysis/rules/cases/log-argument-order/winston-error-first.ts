// @case library=winston loggerModule=src/logger.ts
// pino's order in a winston project: winston logs `{"message":{}}`, losing the error and the
// message. winston keeps both with the message first and the error as the meta.
import { logger } from '../logger';

export async function refund(run: () => Promise<void>) {
  try {
    await run();
  } catch (err) {
    logger.error(err, 'refund failed');
               //~~~ [log-argument-order] winston takes the message first and the error second; an error passed first is logged as `{}` and the message is lost: logger.error('message', err).
    logger.log('error', err, 'refund failed');
                      //~~~ [log-argument-order] winston takes the message first and the error second; an error passed first is logged as `{}` and the message is lost: logger.error('message', err).
    logger.error('refund failed', err);
  }
  return run().catch((e: Error) => logger.warn(e, `refund retried`));
                                             //~ [log-argument-order] winston takes the message first and the error second; an error passed first is logged as `{}` and the message is lost: logger.error('message', err).
}
