// @case library=winston path=src/redis-connection-manager.ts rules=error-not-serialized,unstructured-log-message
// NocoBase's logger type is an interface extending winston's Logger with a level of its own, listed in
// an export clause: a value so typed is a winston logger.
import { Logger } from './logger';

export class RedisConnectionManager {
  private logger: Logger;

  constructor(config: { logger: Logger }) {
    this.logger = config.logger;
  }

  watch(conn: { on(event: 'error', listener: (err: Error) => void): void }, key: string) {
    conn.on('error', (err) => {
      this.logger.error(err.message, { err, method: 'getConnection', key });
                      //~~~~~~~~~~~ [error-not-serialized] `err.message` logs the error as text, which loses its stack and type; log the error object instead.
                      //~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
                                     //~~~ [error-not-serialized] winston writes the error `err` inside a meta object as `{}` (its message and stack are not enumerable); pass the error itself as the meta argument.
    });
  }
}
