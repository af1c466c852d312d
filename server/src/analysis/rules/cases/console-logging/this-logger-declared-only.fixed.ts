// @case library=pino loggerModule=src/logger.ts
// A field only declared (NocoBase's WSServer: `logger: Logger;`, set nowhere) is no logger a fix may
// write to: `this.logger.info` would throw. The project's logger is imported instead; a field the
// class sets is used.
import type { Logger } from 'pino';
import { logger } from '../logger';

export class WsServer {
  logger: Logger;

  onConnection(id: string) {
    logger.info({ id }, 'client connected');
  }
}

export class Gateway {
  log: Logger;

  constructor(parent: Logger) {
    this.log = parent.child({ module: 'gateway' });
  }

  start(port: number) {
    this.log.info({ port }, 'gateway started');
  }
}

export class Poller {
  logger: Logger;

  start() {
    // A `function`'s own `this`: this sets nothing on the Poller.
    setTimeout(function (this: { logger: Logger | null }) {
      this.logger = null;
    }, 10);
    logger.info('polling');
  }
}
