// The raw winston instance behind the adapter: only the adapter imports it.
import winston from 'winston';
export const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
