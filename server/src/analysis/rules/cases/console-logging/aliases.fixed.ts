// @case library=pino loggerModule=src/logger.ts path=src/app.ts
import { logger } from './logger';
const { warn } = console;
const out = globalThis.console;

export function start(port: number) {
  logger.warn('starting');
  logger.debug({ port }, 'port');
  console.log(JSON.stringify({ port }));
}
