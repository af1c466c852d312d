// @case library=pino loggerModule=src/logger.ts path=test/support/server.ts
// A test helper logging through the project's logger is held to it like service code; its console calls are not.
import { logger } from '../../src/logger';

export async function startServer(listen: () => Promise<void>) {
  try {
    await listen();
  } catch (err) {
    logger.error({ err }, 'server did not start');
                                        //~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(err as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
    console.error(`server did not start: ${(err as Error).message}`);
  }
}
