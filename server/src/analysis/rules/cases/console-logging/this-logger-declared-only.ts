// @case library=pino loggerModule=src/logger.ts
// A field only declared (NocoBase's WSServer: `logger: Logger;`, set nowhere) is no logger a fix may
// write to: `this.logger.info` would throw. The project's logger is imported instead; a field the
// class sets is used.
import type { Logger } from 'pino';

export class WsServer {
  logger: Logger;

  onConnection(id: string) {
    console.log('client connected', id);
//  ~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
}

export class Gateway {
  log: Logger;

  constructor(parent: Logger) {
    this.log = parent.child({ module: 'gateway' });
  }

  start(port: number) {
    console.log('gateway started', port);
//  ~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
}

export class Poller {
  logger: Logger;

  start() {
    // A `function`'s own `this`: this sets nothing on the Poller.
    setTimeout(function (this: { logger: Logger | null }) {
      this.logger = null;
    }, 10);
    console.log('polling');
//  ~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
}
