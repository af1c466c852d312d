// @case library=pino loggerModule=src/logger.ts path=src/app.ts rules=console-logging
// A variable holding one of console's methods (`const print = console.info`) prints as console does.
// Inside a function put in place of a console method (Fonoster's filter of a library's notice:
// `console.log = (...args) => { if (...) originalLog(...args) }`), the saved original is the sink.
import { logger } from './logger';
const print = console.info;
const originalLog = console.log;

console.log = (...args: unknown[]) => {
  if (!args.join(' ').includes('deprecated version of Swagger')) originalLog(...args);
};

export function start(port: number) {
  logger.info({ port }, 'starting on port');
}
