import winston, { Logger, format } from 'winston';

const loggers = new Map<string, Logger>();

const createLogger = function (nameOfLogger: string): Logger {
  return winston.createLogger({ format: format.combine(format.splat(), format.simple()), defaultMeta: { loggerName: nameOfLogger } });
};

/** Obtain a logger by name, creating one if necessary. */
export function get(nameOfLogger: string) {
  let logger = loggers.get(nameOfLogger);
  if (!logger) {
    logger = createLogger(nameOfLogger);
    loggers.set(nameOfLogger, logger);
  }
  return logger;
}

export const getLogger = get;
