// @case library=pino loggerModule=src/logger.ts path=src/routes/upload.ts
import type { FastifyRequest } from 'fastify';
import express from 'express';
import { logger } from '../logger';

// The request is known by its type or its place in the route callback, whatever it is called.
export async function upload(incoming: FastifyRequest) {
  logger.info({ headers: incoming.headers }, 'upload');
                       //~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes the whole `incoming.headers`, which carries credentials (Authorization, cookies, passwords); log only the fields you need.
}

const app = express();
app.post('/import', (inbound, reply) => {
  logger.info({ payload: inbound.body }, 'import');
                       //~~~~~~~~~~~~ [sensitive-log-data] Log record includes the whole `inbound.body`, which carries credentials (Authorization, cookies, passwords); log only the fields you need.
  reply.end();
});

// A local object with a `body` field is not a request.
export function render(page: { body: string }) {
  logger.info({ body: page.body }, 'rendered');
}
