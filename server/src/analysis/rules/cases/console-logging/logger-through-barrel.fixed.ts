// @case library=pino path=src/server.ts
// The package's files import their logger through a barrel (src/logger/index.ts re-exports the logger
// src/logger/pino.ts makes): that is the logger the model sees, so the fix is offered.
import { users } from './routes/users';
import { logger } from './logger/pino';

export function start(port: number): void {
  users('1');
  logger.info('listening');
}
