// @case library=winston path=src/lib/security/order.ts rules=error-not-serialized
// Open Collective's fraud check: `.catch(logger.error)` hands winston's level method the rejection's
// error alone, which winston writes by its message (its errors format is not configured here): the
// stack is lost as with `logger.error(err)`. A method of something else (a queue's `.catch(queue.error)`)
// is not a logger's.
import winston from 'winston';

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
declare const queue: { error(e: unknown): void };

export function checkOrder(check: () => Promise<void>) {
  check().catch(logger.error);
              //~~~~~~~~~~~~ [error-not-serialized] `.catch(logger.error)` hands winston the rejection's error alone: it writes the error's message only and its stack is lost (no `format.errors({ stack: true })` in the project's winston format). Add that format, or log a message with the error: `.catch((err) => logger.error('failed', err))`.
  check().catch(queue.error);
  check().catch((err) => logger.error('Fraud check failed', err));
}
