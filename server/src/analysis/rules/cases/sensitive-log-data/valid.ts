// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function ok(sessionId: string, tokenCount: number, userAgent: string) {
  logger.info({ sessionId, tokenCount, userAgent }, 'session started');
  logger.info({ passwordChanged: true, password: '[REDACTED]' }, 'password changed');
  logger.info({ secretsRotated: 2 }, 'rotation');
}
