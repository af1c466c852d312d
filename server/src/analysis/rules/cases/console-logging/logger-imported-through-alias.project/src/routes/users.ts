import { logger } from '@/logger';
export function users(req: { id: string }): void {
  logger.info('users requested', { id: req.id });
}
