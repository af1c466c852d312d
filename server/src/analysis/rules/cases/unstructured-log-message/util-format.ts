// @case library=pino loggerModule=src/logger.ts type=module
import { format } from 'node:util';
import util from 'util';
import { logger } from '../logger';

export function report(id: string, rows: number) {
  logger.info(format('report %s has %d rows', id, rows));
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with util.format; log a constant message and put the values in fields.
  logger.info(util.format('report %s', id));
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with util.format; log a constant message and put the values in fields.
  logger.info(JSON.stringify({ id, rows }));
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with JSON.stringify; log the object as a field instead, so it stays structured.
  logger.info(String(rows));
            //~~~~~~~~~~~~ [unstructured-log-message] Log message is built with String() or toString(); log a constant message and put the value in a field.
}
