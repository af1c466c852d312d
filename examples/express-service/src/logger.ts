// The service's one logger: JSON to stdout, secrets redacted at the source.
import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'orders-api' },
  redact: ['req.headers.authorization', 'req.headers.cookie'],
});
