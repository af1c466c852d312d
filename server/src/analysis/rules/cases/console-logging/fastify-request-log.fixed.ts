// @case library=fastify loggerModule=src/logger.ts path=src/server.ts type=module
import Fastify from 'fastify';

const app = Fastify({ logger: true });

app.get('/health', async (request, reply) => {
  request.log.info({ requestId: request.id }, 'health checked');
  return reply.send({ ok: true });
});
