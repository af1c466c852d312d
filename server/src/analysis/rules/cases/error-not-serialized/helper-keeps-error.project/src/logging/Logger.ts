import winston from 'winston';

class Logger {
  private output = winston.createLogger({ transports: [new winston.transports.Console()] });

  public warn(message: string, extra?: Record<string, unknown>) {
    this.output.warn(message, extra);
  }

  public error(message: string, error: Error, extra?: Record<string, unknown>) {
    this.output.error(message, { error: error.message, stack: error.stack, ...extra });
  }
}

export default new Logger();
