export interface VendureLogger {
  error(message: string, context?: string, trace?: string): void;
  warn(message: string, context?: string): void;
  info(message: string, context?: string): void;
}

const noopLogger: VendureLogger = { error() {}, warn() {}, info() {} };

/** Vendure's: a static facade over whatever VendureLogger the app configures. */
export class Logger {
  private static _logger: VendureLogger;

  static get logger(): VendureLogger {
    return this._logger || noopLogger;
  }

  static useLogger(logger: VendureLogger): void {
    Logger._logger = logger;
  }

  static error(message: string, context?: string, trace?: string): void {
    Logger.logger.error(message, context, trace);
  }

  static warn(message: string, context?: string): void {
    Logger.logger.warn(message, context);
  }

  static info(message: string, context?: string): void {
    Logger.logger.info(message, context);
  }
}
