// @case library=pino loggerModule=src/logger.ts
// The error's text taken into a local variable a few lines up, then logged: reported, no fix. Also
// as a field of the same name (Reaction's bull queue: ``const error = `${err}`; Logger.error({ error }, ...)``).
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

export function watch(queue: { on(event: string, listener: (err: Error) => void): void }) {
  queue.on('error', (err) => {
    const error = `${err}`; // need to turn this into a string
    logger.error({ error, queue: 'sync' }, 'Error processing background job');
                 //~~~~~ [error-not-serialized] `error` logs the error as text, which loses its stack and type; log the error object instead.
  });
}

// A local whose text is built around the error (Leon's NLU: ``const errorMessage = `Failed to execute action: ${e}`;``).
export async function execute(action: () => Promise<void>) {
  try {
    await action();
  } catch (e) {
    const errorMessage = `Failed to execute action: ${e}`;

    logger.error(errorMessage);
               //~~~~~~~~~~~~ [error-not-serialized] `errorMessage` logs the error as text, which loses its stack and type; log the error object instead.
  }
}
