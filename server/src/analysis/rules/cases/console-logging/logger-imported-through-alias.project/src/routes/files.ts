import { logger } from '@/logger';
export function files(req: { id: string }): void {
  logger.info('files requested', { id: req.id });
}
