import * as winston from 'winston';

export class Logger {
  private logger = winston.createLogger({ format: winston.format.combine(winston.format.errors({ stack: true }), winston.format.json()) });

  info(message: string, ...meta: object[]): void {
    this.logger.info(message, ...meta);
  }
  warn(message: string, ...meta: object[]): void {
    this.logger.warn(message, ...meta);
  }
  error(message: string, error?: Error | null, ...meta: object[]): void {
    this.logger.error(message, { error, ...Object.assign({}, ...meta) });
  }
}
