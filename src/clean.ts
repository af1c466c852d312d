import { logger } from './logger';

export function handle(id: string): void {
  logger.info({ id }, 'handled');
}
