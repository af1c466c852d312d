// @case library=pino loggerModule=src/logger.ts path=src/worker/migrate.ts
// A format string that only colours its one `%s` adds no words: the second argument is the message
// (Linkwarden's worker logs this way). A format with words of its own is a format, not a colour.
export function migrate(name: string, count: number) {
  console.log('\x1b[34m%s\x1b[0m', `Applying ${name}...`);
                                 //~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  console.log('\x1b[32m%s\x1b[0m', 'Migrations applied.');
  console.log('\x1b[31m%s\x1b[0m', 'Migrated ' + count + ' rows');
                                 //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
}
