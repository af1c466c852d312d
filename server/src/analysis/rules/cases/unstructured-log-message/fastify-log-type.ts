// @case library=fastify path=src/controllers/webhook.ts type=module
// A helper handed the request's logger, typed `FastifyRequest['log']` (OpenPanel's webhook helpers):
// Fastify's pino logger, its message after the fields.
import type { FastifyRequest } from 'fastify';

export function synced(log: FastifyRequest['log'], organizationId: string, changed: string[]): void {
  log.info(
    { organizationId, changed },
    changed.length > 0 ? `synced ${organizationId} (${changed.join(', ')} changed)` : `synced ${organizationId} (no changes)`,
  //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  );
}
