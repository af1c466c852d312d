// @case library=pino path=src/security.ts rules=unstructured-log-message
// console fills printf placeholders from the arguments after its format, as util.format does
// (Signal K's `console.warn('Unable to read %s: %s', path, e.message)`): the message holds the values.
// A format that only colours its one `%s` makes the next argument the message.
export function readConfig(path: string, status: number) {
  console.warn('Unable to read %s (status %d)', path, status);
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
  console.log('\x1b[34m%s\x1b[0m', 'Reading the configuration');
  console.info('configuration read', path);
  console.info('100%s sure');
}
