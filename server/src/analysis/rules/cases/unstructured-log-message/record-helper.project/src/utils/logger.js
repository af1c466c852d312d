// Checkmate's logger: each level method takes one record and hands its `message` to winston as the
// message, the other keys as metadata.
import { createLogger, transports } from 'winston';

class Logger {
  constructor() {
    this.logger = createLogger({ level: 'info', transports: [new transports.Console()] });
  }

  info(config) {
    this.logger.info(config.message, { service: config.service, method: config.method, details: config.details });
  }

  warn(config) {
    this.logger.warn(config.message, { service: config.service, method: config.method, details: config.details });
  }

  error(config) {
    this.logger.error(config.message, { service: config.service, method: config.method, details: config.details, stack: config.stack });
  }
}

const logger = new Logger();
export default logger;
