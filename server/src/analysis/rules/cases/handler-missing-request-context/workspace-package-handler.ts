// @case library=pino path=packages/mcp/src/handler.ts
// A workspace package's function a Fastify handler calls with the raw request (`req.raw`): its
// module logger's records carry no request id. The raw request has no `log`: no fix.
import type { IncomingMessage } from 'node:http';
import { createLogger } from '@acme/logger';

const logger = createLogger({ name: 'mcp' });

export async function handleMcpPost(req: IncomingMessage, body: unknown): Promise<void> {
  logger.info({ session: req.headers['mcp-session-id'] ?? 'new' }, 'MCP POST request');
//~~~~~~ [handler-missing-request-context] This info call runs on the request path of POST /mcp via handleMcpPost and goes through a logger that carries no request context, so its record has no request id; the request's logger (req.log) is not in scope here: pass it in, or have the shared logger read the request's context (a mixin on AsyncLocalStorage).
}
