// @case library=winston loggerModule=src/logger.ts path=src/app.ts
// Nango's shutdown: `logger.close()` removes winston's transports, so a record written after it goes
// nowhere and console is used on purpose: no fix. Before the close, the fix is written as usual.
import { logger } from './logger';

export async function shutdown(server: { close(): Promise<void> }): Promise<void> {
  console.info('Closing');
//~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  await server.close();
  logger.close();

  console.info('Closed');
//~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}
