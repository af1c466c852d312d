import { logger } from '../logger';
export function files(id: string): void {
  logger.info({ id }, 'files requested');
}
