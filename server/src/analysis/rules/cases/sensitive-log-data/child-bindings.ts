// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export class Client {
  private readonly log = logger.child({ component: 'client', apiKey: process.env.API_KEY });
                                                           //~~~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `apiKey`, which looks like a secret; leave it out or redact it.

  constructor(private readonly sessionToken: string) {}

  call(path: string) {
    this.log.info({ path }, 'calling');
    this.log.debug({ path }, 'called');
    logger.child({ session: this.sessionToken }).info('session resumed');
                 //~~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `session`, which looks like a secret; leave it out or redact it.
  }
}
