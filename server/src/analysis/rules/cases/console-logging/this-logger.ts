// @case library=pino loggerModule=src/logger.ts
import pino from 'pino';

export class Mailer {
  private readonly logger = pino({ name: 'mailer' });

  send(to: string, subject: string) {
    console.log('sending mail', to, subject);
  //~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    console.trace('sent');
  //~~~~~~~~~~~~~ [console-logging] console.trace in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
}
