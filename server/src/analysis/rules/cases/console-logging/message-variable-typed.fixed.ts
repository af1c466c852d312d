// @case library=pino loggerModule=src/logger.ts path=src/socket.ts
// A parameter named as the message is the new call's message only when it is typed as text: a
// `Buffer` (a socket's frame) would be merged into the record, so it stays a field, as any value does.
import { logger } from './logger';

export function listen(ws: { on(e: string, f: (m: never) => void): void }): void {
  ws.on('message', (message: Buffer) => {
    logger.info({ message });
  });
  ws.on('notice', (message: string) => {
    logger.warn(message);
  });
  logger.info('listening');
}
