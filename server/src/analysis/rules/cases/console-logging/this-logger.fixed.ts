// @case library=pino loggerModule=src/logger.ts
import pino from 'pino';

export class Mailer {
  private readonly logger = pino({ name: 'mailer' });

  send(to: string, subject: string) {
    this.logger.info({ to, subject }, 'sending mail');
    this.logger.trace('sent');
  }
}
