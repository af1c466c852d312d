// @case library=winston path=src/sync.ts
import winston from 'winston';

export class Sync {
  private readonly logger = winston.createLogger({ transports: [new winston.transports.Console()] });

  async run(job: () => Promise<void>) {
    try {
      await job();
    } catch (error) {
      this.logger.error('sync failed', error);
      this.logger.warn('sync retry', { err: (error as Error).message, attempt: 2 });
    }
  }
}
