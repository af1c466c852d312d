// @case library=winston path=lib/util/logger.ts rules=unstructured-log-message
// The logger's own sink writes its caller's message after a tag of its own parameters: the message is
// checked where the level methods are called (lazy-message-facade.ts), not here. A text of its own is checked.
import winston from 'winston';

// zigbee2mqtt's logger: level methods (syslog's `warning`) hand a message, or a function making it, and
// a namespace to one method, which writes `namespace: message` through winston.
class Logger {
  private logger!: winston.Logger;

  public init(): void {
    this.logger = winston.createLogger({ level: 'debug', levels: winston.config.syslog.levels });
  }

  private log(level: string, messageOrLambda: string | (() => string), namespace: string): void {
    const message: string = messageOrLambda instanceof Function ? messageOrLambda() : messageOrLambda;
    this.logger.log(level, `${namespace}: ${message}`);
  }

  public setLevel(level: string): void {
    this.logger.info('Log level set to level', { level2: level });
  }

  public error(messageOrLambda: string | (() => string), namespace = 'z2m'): void {
    this.log('error', messageOrLambda, namespace);
  }

  public warning(messageOrLambda: string | (() => string), namespace = 'z2m'): void {
    this.log('warning', messageOrLambda, namespace);
  }

  public info(messageOrLambda: string | (() => string), namespace = 'z2m'): void {
    this.log('info', messageOrLambda, namespace);
  }

  public debug(messageOrLambda: string | (() => string), namespace = 'z2m'): void {
    this.log('debug', messageOrLambda, namespace);
  }
}

export default new Logger();
