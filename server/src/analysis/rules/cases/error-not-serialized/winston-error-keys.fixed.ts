// @case library=winston path=src/crons/refresh.ts rules=error-not-serialized
// A project's own winston format serialising errors under keys it names (Nango's `info[key] =
// errorToObject(info[key])` for 'err', 'error' and 'cause'): an error under one of those keys keeps its
// stack; under any other key winston still writes it as `{}`.
import { logger } from '../logger';

export async function refresh(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    logger.error('refresh failed', { error: err as Error });
    logger.error('refresh failed', err);
  }
}
