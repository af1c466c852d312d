// @case library=pino loggerModule=src/logger.ts
// pino keeps an error only under `err` (its error serializer); under any other key the error's
// message and stack are not enumerable and it is written as `{}` (checked with pino 9). The fix
// renames the key, which a dashboard reading `error` would notice: not safe.
import { logger } from '../logger';

export async function sync(id: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    logger.error({ id, error }, 'sync failed');
                     //~~~~~ [error-not-serialized] pino writes the error `error` under `error` as `{}` (its message and stack are not enumerable; only `err` has the error serializer); log it as `err`.
  }
  run().catch((e: Error) => {
    logger.warn({ cause: e }, 'retry failed');
                       //~ [error-not-serialized] pino writes the error `e` under `cause` as `{}` (its message and stack are not enumerable; only `err` has the error serializer); log it as `err`.
  });
  run().catch((err) => logger.error({ err, id }, 'sync failed'));
}
