// @case library=pino loggerModule=src/logger.js path=src/server.js type=module
// An ES module package whose jsconfig says nothing of resolution (automatisch's backend): its own
// imports name extensions (`./server.js`, `@/config.js`), so Node runs it as it is, and an added
// import names the extension too.
import { logger } from './logger.js';
export function start(config) {
  logger.info({ port: config.port }, 'listening');
}
