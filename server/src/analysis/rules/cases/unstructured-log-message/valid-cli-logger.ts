// @case library=pino loggerModule=src/logger.ts path=scripts/migrate.ts
// A script's, CLI's or test's logger prints progress for the person running it (often pretty-printed):
// a template message there is not a record anyone queries by field.
import { logger } from '../src/logger';

export function migrated(count: number, database: string) {
  logger.info(`migrated ${count} tables in ${database}`);
}
