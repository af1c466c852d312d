// @case library=winston path=src/sync.ts
import winston from 'winston';

export class Sync {
  private readonly logger = winston.createLogger({ transports: [new winston.transports.Console()] });

  async run(job: () => Promise<void>) {
    try {
      await job();
    } catch (error) {
      this.logger.error('sync failed', error);
                                     //~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(error as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
      this.logger.warn('sync retry', { err: (error as Error).message, attempt: 2 });
                                          //~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(error as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
    }
  }
}
