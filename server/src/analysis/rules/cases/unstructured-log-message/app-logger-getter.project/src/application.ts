import winston from 'winston';
import { createSystemLogger, SystemLogger } from './system-logger';

export class Application {
  protected _logger: SystemLogger;

  constructor() {
    this._logger = createSystemLogger();
  }

  get logger() {
    return this._logger;
  }

  get log() {
    return this._logger;
  }

  /** Maintenance notices go to their own winston logger: the application is also a log facade. */
  private notices = winston.createLogger({});

  notice(message: string, meta?: Record<string, any>) {
    this.notices.warn(message, meta);
  }
}

export default Application;
