// @case library=winston loggerModule=src/logger.ts
// The error's message destructured under its own name (`const { message } = e as Error`), then
// logged: the error as text all the same. A `message` destructured from anything else is not.
import { logger } from '../logger';

export async function createRun(id: string, run: () => Promise<void>, response: { message: string }) {
  try {
    await run();
  } catch (e) {
    const { message } = e as Error;
    logger.log('error', `Error while creating a run with robot id: ${id} - ${message}`);
                                                                           //~~~~~~~ [error-not-serialized] `message` logs the error as text, which loses its stack and type; log the error object instead.
  }
  const { message } = response;
  logger.info('provider answered', { message });
}
