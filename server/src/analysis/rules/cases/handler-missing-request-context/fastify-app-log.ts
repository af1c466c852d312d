// @case library=pino path=src/server.ts type=module
import Fastify from 'fastify';

const app = Fastify({ logger: true, requestIdHeader: 'x-request-id' });

app.get('/health', async (request, reply) => {
  app.log.info('health checked');
//~~~~~~~ [handler-missing-request-context] This info call in a request handler goes through a logger that carries no request context, so its record has no request id; request.log carries it.
  request.log.info('request-scoped');
  reply.log.debug('the reply logger is the request logger');
  return { ok: true };
});

app.log.info('starting');

export default app;
