// @case library=pino path=src/server/server.ts
// An app made by a builder in another module, typed as Fastify's instance: its `log` is Fastify's
// pino logger, and its messages are checked.
import { build as buildApp } from './app';

const app = buildApp({ logger: true });

export async function shutdown(signal: string, manual: boolean) {
  app.log.info(
    { signal, manual },
    'signal received, server closing, close manual received'
  );
  app.log.info({ signal, manual }, 'server closing');
  await app.close();
}
