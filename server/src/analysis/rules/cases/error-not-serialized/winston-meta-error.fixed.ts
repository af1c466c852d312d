// @case library=winston loggerModule=src/logger.ts
// winston keeps an error's message and stack only as the whole meta argument: `logger.error('msg', err)`.
// Inside a meta object (`{ error: err }`) it writes `{}`.
import { logger } from '../logger';

export async function charge(pay: () => Promise<void>, orderId: string) {
  try {
    await pay();
  } catch (err) {
    logger.error('payment failed', err);
    logger.log('error', 'payment failed', err);
    logger.warn('payment retried', { reason: (err as Error).message, orderId });
    logger.error(`payment ${orderId} failed: ${(err as Error).message}`);
    // The error itself as the whole meta beside its text (zwave-js-ui's `logger.error(`Invalid options: ${error.message}`, error)`):
    // winston writes its stack (`info.stack = meta.stack`), so nothing of the error is lost; the built message is unstructured-log-message's.
    logger.error(`payment ${orderId} failed: ${(err as Error).message}`, err);
  }
}
