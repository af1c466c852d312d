// @case library=fastify loggerModule=src/logger.ts path=src/server.ts type=module
import Fastify from 'fastify';

// Made without a logger: `request.log` writes nothing, so a fix writing to it would lose the line.
const app = Fastify();

app.get('/health', async (request, reply) => {
  console.info('health checked', request.id);
//~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  return reply.send({ ok: true });
});

app.listen({ port: 3000 });
