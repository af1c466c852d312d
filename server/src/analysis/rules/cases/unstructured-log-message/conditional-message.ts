// @case library=pino loggerModule=src/logger.ts
// A message chosen between two built ones (Outline's migration progress) is built either way: reported,
// without a fix (no one constant message to keep). A choice between two constants is constant.
import { logger } from '../logger';

export function migrated(event: string, name: string, seconds: number) {
  logger.info(event === 'migrating' ? `Migrating ${name}…` : `Migrated ${name} in ${seconds}s`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info(event === 'migrating' ? 'Migrating' : 'Migrated');
}
