// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function run(task: () => void, names: string[]) {
  try {
    task();
  } catch (err) {
    logger.error({ err }, 'task failed');
  }
  for (const err of names) logger.info({ name: String(err) }, 'name');
  const e = { message: 'not an error' };
  logger.info({ text: e.message }, 'text');
}
