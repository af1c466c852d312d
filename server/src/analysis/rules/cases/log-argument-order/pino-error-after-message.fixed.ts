// @case library=pino loggerModule=src/logger.ts
// pino drops an error passed after the message: the record has neither its message nor its stack.
// Passed first, pino serialises it under `err`.
import { logger } from '../logger';

export async function publish(send: () => Promise<void>, topic: string) {
  try {
    await send();
  } catch (err) {
    logger.error(err, 'publish failed');
    logger.warn('publish of %s failed', topic, err);
    logger.error('publish failed: %s', err);
  }
  return send().catch((e: Error) => logger.error(e, `publish to ${topic} failed`));
}
