// @case library=winston loggerModule=src/logger.ts
import { logger } from '../logger';

export async function save(write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    logger.error('save failed', { error });
    logger.error('save failed', { error, hint: 'check disk' });
  }
}
