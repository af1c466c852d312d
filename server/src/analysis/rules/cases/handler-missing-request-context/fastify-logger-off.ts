// @case library=pino path=src/server.ts type=module
// Fastify made without its logger (Leon's HTTP server: `Fastify()`): `request.log` writes nothing, so
// a handler's shared logger is no finding; pointing it at `request.log` would silence it.
import Fastify from 'fastify';
import pino from 'pino';

const logger = pino();
const app = Fastify({ requestIdHeader: 'x-request-id' });

app.get('/health', async () => {
  logger.info('health checked');
  return { ok: true };
});

export default app;
