// @case library=pino loggerModule=src/logger.ts
// The project's pino has a serializer for `error` (src/logger.ts): an error there keeps its message
// and stack. So would a `formatters.log` that rewrites records, or `errorKey`: not reported.
import { logger } from '../logger';

export async function sync(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    logger.error({ error }, 'sync failed');
  }
}
