// @case library=fastify path=src/routes/items.ts type=module
import Fastify from "fastify";

const app = Fastify({ logger: true });

app.get("/items/:id", async (request) => {
  request.log.info({ requestId: request.id }, "item served");
  app.log.info({ requestId: request.id }, "item");
  return {};
});
