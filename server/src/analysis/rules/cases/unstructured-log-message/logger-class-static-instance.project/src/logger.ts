import util from 'util';

export const enum LogLevel {
  INFO = 'info',
  WARN = 'warn',
  ERROR = 'error',
}

export interface Logging {
  prefix: string;
  (message: string, ...parameters: any[]): void;
  info(message: string, ...parameters: any[]): void;
  warn(message: string, ...parameters: any[]): void;
  error(message: string, ...parameters: any[]): void;
}

export class Logger {
  public static readonly internal = new Logger();
  private readonly prefix?: string;

  constructor(prefix?: string) {
    this.prefix = prefix;
  }

  static withPrefix(prefix: string): Logging {
    const logger = new Logger(prefix);
    const log: any = logger.info.bind(logger);
    log.info = logger.info;
    log.warn = logger.warn;
    log.error = logger.error;
    return log as Logging;
  }

  public info(message: string, ...parameters: any[]): void {
    this.log(LogLevel.INFO, message, ...parameters);
  }

  public warn(message: string, ...parameters: any[]): void {
    this.log(LogLevel.WARN, message, ...parameters);
  }

  public error(message: string, ...parameters: any[]): void {
    this.log(LogLevel.ERROR, message, ...parameters);
  }

  public log(level: LogLevel, message: string, ...parameters: any[]): void {
    message = util.format(message, ...parameters);
    let loggingFunction = console.log;
    switch (level) {
      case LogLevel.WARN:
        loggingFunction = console.error;
        break;
      case LogLevel.ERROR:
        loggingFunction = console.error;
        break;
    }
    if (this.prefix) {
      message = this.prefix + ' ' + message;
    }
    loggingFunction(message);
  }
}
