import winston from 'winston';
// The process-wide logger: a class that logs through its app's logger should not get this one.
export const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
