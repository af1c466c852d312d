// @case library=fastify path=src/handlers/users.ts type=module
// A Fastify handler registered in another file (`app.get('/users/:id', getUser)`), untyped: it answers
// through its reply, so its first parameter is the request and `request.log` Fastify's logger.
export async function getUser(request, reply) {
  request.log.info({ id: request.params.id }, 'loading user');
  return reply.code(200).send({ id: request.params.id });
}
