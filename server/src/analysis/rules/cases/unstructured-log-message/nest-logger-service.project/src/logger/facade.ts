import { LoggerService } from '@nestjs/common';
import pino from 'pino';

const sink = pino();

// Vendure's shape: a static facade the code calls (`Logger.info(message, context)`) that is also Nest's app logger.
export class Logger implements LoggerService {
  static info(message: string, context?: string): void {
    sink.info({ context }, message);
  }
  static warn(message: string, context?: string): void {
    sink.warn({ context }, message);
  }
  static error(message: string, context?: string): void {
    sink.error({ context }, message);
  }
  log(message: string): void {
    Logger.info(message);
  }
  warn(message: string): void {
    Logger.warn(message);
  }
  error(message: string): void {
    Logger.error(message);
  }
}
