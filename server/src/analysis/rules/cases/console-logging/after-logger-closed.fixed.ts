// @case library=winston loggerModule=src/logger.ts path=src/app.ts
// Nango's shutdown: `logger.close()` removes winston's transports, so a record written after it goes
// nowhere and console is used on purpose: no fix. Before the close, the fix is written as usual.
import { logger } from './logger';

export async function shutdown(server: { close(): Promise<void> }): Promise<void> {
  logger.info('Closing');
  await server.close();
  logger.close();

  console.info('Closed');
}
