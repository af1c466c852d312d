import winston, { LeveledLogMethod, Logger as WinstonLogger } from 'winston';

interface Logger extends WinstonLogger {
  trace: LeveledLogMethod;
}

export const createLogger = () => winston.createLogger({ transports: [new winston.transports.Console()] }) as Logger;

export { Logger };
