// @case library=pino loggerModule=src/logger.ts path=test/support/server.ts
// A test helper logging through the project's logger is held to it like service code; its console calls are not.
import { logger } from '../../src/logger';

export async function startServer(listen: () => Promise<void>) {
  try {
    await listen();
  } catch (err) {
    logger.error({ err }, 'server did not start');
    console.error(`server did not start: ${(err as Error).message}`);
  }
}
