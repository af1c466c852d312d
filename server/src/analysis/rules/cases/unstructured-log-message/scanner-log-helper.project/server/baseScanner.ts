import logger from './logger';

type LogLevel = 'info' | 'error' | 'debug' | 'warn';

class BaseScanner {
  protected scannerName = 'scanner';

  protected log(message: string, level: 'info' | 'error' | 'debug' | 'warn' = 'debug', optional?: Record<string, unknown>): void {
    logger[level](message, { label: this.scannerName, ...optional });
  }

  protected note(message: string, level: LogLevel): void {
    logger[level](message);
  }

  // Overloaded: the signatures have no body, the implementation below them logs.
  protected say(message: string): void;
  protected say(message: string, fields: Record<string, unknown>): void;
  protected say(message: string, fields?: Record<string, unknown>): void {
    logger.info(message, fields);
  }
}

export default BaseScanner;
