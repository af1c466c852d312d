// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function ok(input: { message: string }) {
  try {
    JSON.parse('{');
  } catch (err) {
    logger.error({ err }, 'parse failed');
  }
  logger.info({ text: input.message }, 'input received');
}
