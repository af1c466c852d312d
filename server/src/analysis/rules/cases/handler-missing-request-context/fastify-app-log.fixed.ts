// @case library=pino path=src/server.ts type=module
import Fastify from 'fastify';

const app = Fastify({ logger: true, requestIdHeader: 'x-request-id' });

app.get('/health', async (request, reply) => {
  request.log.info('health checked');
  request.log.info('request-scoped');
  reply.log.debug('the reply logger is the request logger');
  return { ok: true };
});

app.log.info('starting');

export default app;
