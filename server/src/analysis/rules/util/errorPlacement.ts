// Where each library, in its default configuration, records an error object with its message,
// stack and type. Anywhere else the error's properties (all non-enumerable) serialise as `{}`,
// which loses more than the text it replaced. Checked against the real libraries:
//   pino    logger.error({ err }, 'msg')  → "err":{type,message,stack}; any other key → {}
//   bunyan  log.error(err, 'msg')         → "err":{message,name,stack}; `{ err }` → {} (no serializers by default)
//   winston logger.error('msg', err)      → message "msg <err.message>", "stack"; `{ error: err }` → {}
import type { LoggerLibrary } from '../../types';

export type ErrorPlacement =
  /** In the fields object under `err` (pino's default serializers), next to other fields. */
  | { kind: 'field'; key: 'err' }
  /** As the whole fields argument (bunyan): only when there are no other fields. */
  | { kind: 'fieldsArgument' }
  /** As the whole meta argument after the message (winston): only when there is no other meta. */
  | { kind: 'metaArgument' };

export function errorPlacement(library: LoggerLibrary): ErrorPlacement | null {
  if (library === 'pino') return { kind: 'field', key: 'err' };
  if (library === 'bunyan') return { kind: 'fieldsArgument' };
  if (library === 'winston') return { kind: 'metaArgument' };
  return null;
}

