import winston, { format } from 'winston';

const root = winston.createLogger({
  format: format.combine(format.timestamp(), format.errors({ stack: true, cause: true }), format.json()),
  transports: [new winston.transports.Console()],
});

/** A child logger per module. */
export function createLogger(meta: { module: string }): winston.Logger {
  return root.child(meta);
}
