// @case library=fastify path=src/controllers/webhook.ts type=module
// A helper handed the request's logger, typed `FastifyRequest['log']` (OpenPanel's webhook helpers):
// Fastify's pino logger, its message after the fields.
import type { FastifyInstance, FastifyRequest } from 'fastify';

export function synced(log: FastifyRequest['log'], organizationId: string, changed: string[]): void {
  log.info(
    { organizationId, changed },
    changed.length > 0 ? `synced ${organizationId} (${changed.join(', ')} changed)` : `synced ${organizationId} (no changes)`,
  //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  );
}

// A helper handed the instance or the request itself (Fastify's demo: `createFileManager(fastify: FastifyInstance)`):
// their `log` is Fastify's pino logger too.
export function createFileManager(fastify: FastifyInstance) {
  return {
    missing(filePath: string, request: FastifyRequest) {
      fastify.log.warn(`File path '${filePath}' not found`);
                     //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
      request.log.info(`removing ${filePath}`);
                     //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    },
  };
}
