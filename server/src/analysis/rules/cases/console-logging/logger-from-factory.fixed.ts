// @case library=pino path=src/routes/items.ts
// The package's logger module makes its logger with a factory of its own (OpenPanel's apps/api:
// `export const logger = createLogger({ name: 'api' })`, the factory in another package): it names no
// logger library, and is still the module a fix imports.
import { logger } from '../logger';
export function list(): void {
  logger.info('listing items');
}
