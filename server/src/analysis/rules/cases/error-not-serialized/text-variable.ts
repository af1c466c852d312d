// @case library=pino loggerModule=src/logger.ts
// The error's text taken into a local variable a few lines up, then logged: reported, no fix.
import { logger } from '../logger';

export async function run(job: () => Promise<void>) {
  try {
    await job();
  } catch (error) {
    const errMsg = (error as Error).message;
    logger.error(errMsg);
               //~~~~~~ [error-not-serialized] `errMsg` logs the error as text, which loses its stack and type; log the error object instead.
    const label = 'job failed';
    logger.error({ err: error }, label);
  }
}
