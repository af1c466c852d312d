// @case library=pino loggerModule=src/logger.ts path=src/app.ts type=module
import { Hono } from 'hono';
import { pinoLogger } from 'hono-pino';

// hono-pino's logger is `c.get('logger')`: Hono's context has no `log` for a fix to write to.
const app = new Hono();
app.use(pinoLogger());
app.get('/items/:id', (c) => {
  console.log('fetching item', c.req.param('id'));
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  return c.text('ok');
});

export default app;
