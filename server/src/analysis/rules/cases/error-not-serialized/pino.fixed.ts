// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export async function load(fetchIt: () => Promise<string>) {
  try {
    return await fetchIt();
  } catch (err) {
    logger.error({ err }, 'load failed');
    logger.error(String(err));
    logger.warn({ err, attempt: 1 }, 'retrying');
    throw err;
  }
}
