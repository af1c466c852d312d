// @case library=pino loggerModule=src/logger.ts path=src/services/billing.ts type=module
import { logger } from '../logger';
export function charge(amount: number) {
  logger.warn({ amount }, 'charging');
  return amount;
}
