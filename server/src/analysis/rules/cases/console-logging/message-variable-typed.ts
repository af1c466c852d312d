// @case library=pino loggerModule=src/logger.ts path=src/socket.ts
// A parameter named as the message is the new call's message only when it is typed as text: a
// `Buffer` (a socket's frame) would be merged into the record, so it stays a field, as any value does.
import { logger } from './logger';

export function listen(ws: { on(e: string, f: (m: never) => void): void }): void {
  ws.on('message', (message: Buffer) => {
    console.log(message);
//  ~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  });
  ws.on('notice', (message: string) => {
    console.warn(message);
//  ~~~~~~~~~~~~ [console-logging] console.warn in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  });
  logger.info('listening');
}
