import { Injectable, LoggerService } from '@nestjs/common';
import { Logger } from './winston-logger';

@Injectable()
export class AppLogger implements LoggerService {
  private logger = new Logger();

  public log(message: string, ...args: object[]): void {
    this.logger.info(message, ...args);
  }
  public warn(message: string, ...args: object[]): void {
    this.logger.warn(message, ...args);
  }
  public error(message: string, error?: Error, ...args: object[]): void {
    this.logger.error(message, error, ...args);
  }
}
