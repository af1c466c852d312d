// @case library=pino loggerModule=src/logger.ts path=src/types.ts
import { logger } from '../logger';

interface Account {
  id: string;
  plan: string;
}

export function show(account: Account, items: Array<{ name: string }>) {
  logger.info({ account, items }, 'account shown');
}
