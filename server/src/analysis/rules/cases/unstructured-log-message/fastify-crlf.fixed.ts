// @case library=fastify path=src/routes/items.ts type=module
import Fastify from "fastify";

const app = Fastify({ logger: true });

app.get("/items/:id", async (request) => {
  request.log.info(
    { requestId: request.id }, "item served",
  //~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  );
  app.log.info({ requestId: request.id }, "item");
             //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  return {};
});
