// @case library=pino loggerModule=src/logger.ts path=src/shared/query.ts
// Server code the browser bundle imports too (Karakeep's shared search-query parser): the console
// call is reported, but no fix imports the server's logger, which would land in the client bundle.
export function formatQuery(q: string): string {
  console.log('formatting query', q);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  return q.trim();
}
