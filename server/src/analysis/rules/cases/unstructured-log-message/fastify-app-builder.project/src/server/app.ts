import fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';

// postgres-meta's app module: the builder's written return type is Fastify's instance.
export const build = (opts: FastifyServerOptions = {}): FastifyInstance => {
  const app = fastify(opts);
  app.get('/health', async () => ({ ok: true }));
  return app;
};
