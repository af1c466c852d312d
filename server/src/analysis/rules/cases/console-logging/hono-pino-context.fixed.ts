// @case library=pino loggerModule=src/logger.ts path=src/app.ts type=module
import { Hono } from 'hono';
import { pinoLogger } from 'hono-pino';
import { logger } from './logger';

// hono-pino's logger is `c.get('logger')`: Hono's context has no `log` for a fix to write to.
const app = new Hono();
app.use(pinoLogger());
app.get('/items/:id', (c) => {
  logger.info({ param: c.req.param('id') }, 'fetching item');
  return c.text('ok');
});

export default app;
