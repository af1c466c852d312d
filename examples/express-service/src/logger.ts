// The service's one logger: JSON lines, secrets redacted at the source. LOG_FILE (set by `npm start`
// and the root `npm run demo`) sends them to a file that `obs-lens tail` and the Logs panel follow;
// without it they go to stdout, as a container would want.
import pino from 'pino';

const file = process.env.LOG_FILE;

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service: 'orders-api' },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  },
  file ? pino.destination({ dest: file, mkdir: true, sync: true }) : undefined,
);
