// @case library=pino loggerModule=src/logger.ts path=src/app.ts rules=console-logging,unstructured-log-message
/* obs-lens-disable console-logging */
export function run(id: string) {
  console.log('the file disables console-logging');
  console.log(`but not unstructured-log-message ${id}`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
