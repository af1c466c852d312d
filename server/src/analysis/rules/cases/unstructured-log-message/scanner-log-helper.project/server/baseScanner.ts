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
}

export default BaseScanner;
