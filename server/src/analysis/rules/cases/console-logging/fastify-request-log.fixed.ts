// @case library=fastify loggerModule=src/logger.ts path=src/server.ts type=module
import Fastify from 'fastify';

const app = Fastify({ logger: true });

app.get('/health', async (request, reply) => {
  request.log.info({ requestId: request.id }, 'health checked');
//~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  return reply.send({ ok: true });
});
