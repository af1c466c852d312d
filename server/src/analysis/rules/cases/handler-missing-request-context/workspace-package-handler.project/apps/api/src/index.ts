import Fastify from 'fastify';
import { handleMcpPost } from '@acme/mcp';

const app = Fastify({ logger: true, requestIdHeader: 'x-request-id' });
app.post('/mcp', async (req, reply) => {
  reply.hijack();
  await handleMcpPost(req.raw, req.body);
});
app.listen({ port: 3000 });
