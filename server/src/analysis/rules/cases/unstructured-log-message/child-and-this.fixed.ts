// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

const log = logger.child({ module: 'payments' });

export class Payments {
  private readonly logger = log.child({ component: 'charge' });

  charge(amount: number) {
    this.logger.info({ amount }, 'charging');
    log.info({ amount }, 'charged');
  }
}
