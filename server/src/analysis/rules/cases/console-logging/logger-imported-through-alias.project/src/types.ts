// A type-only import loads nothing: no importer of the winston instance.
import type { logger } from './adapters/winstonLogger';
export type RawLogger = typeof logger;
