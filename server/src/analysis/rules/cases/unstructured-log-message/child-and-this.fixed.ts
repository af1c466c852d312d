// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

const log = logger.child({ module: 'payments' });

export class Payments {
  private readonly logger = log.child({ component: 'charge' });

  charge(amount: number) {
    this.logger.info({ amount }, 'charging');
                   //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    log.info(
      { amount }, 'charged',
    //~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    );
  }
}
