// @case library=pino path=src/routes/items.ts
// The package's logger module makes its logger with a factory of its own (OpenPanel's apps/api:
// `export const logger = createLogger({ name: 'api' })`, the factory in another package): it names no
// logger library, and is still the module a fix imports.
export function list(): void {
  console.log('listing items');
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}
