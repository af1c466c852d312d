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
