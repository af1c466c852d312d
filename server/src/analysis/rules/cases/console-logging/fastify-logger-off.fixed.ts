// @case library=fastify loggerModule=src/logger.ts path=src/server.ts type=module
import Fastify from 'fastify';
import { logger } from './logger';

// Made without a logger: `request.log` writes nothing, so a fix writing to it would lose the line.
const app = Fastify();

app.get('/health', async (request, reply) => {
  logger.info({ requestId: request.id }, 'health checked');
  return reply.send({ ok: true });
});

app.listen({ port: 3000 });
