// A handler's request (or context) object: a parameter the scope model places in a route callback
// or types as a framework request, or one of the names handlers conventionally give it.
import ts from '../../typescriptModule';
import type { RuleContext } from '../../rule';
import { unwrap } from '../../scopes';

const REQUEST_NAMES = /^(req|request|ctx|context|c|incoming)$/i;

/** `req`, `request`, `ctx`, `ctx.request` (Koa), `c.req` (Hono). */
export function isRequestObject(e: ts.Expression, ctx: Pick<RuleContext, 'isRequestParam'>): boolean {
  const u = unwrap(e);
  if (ts.isIdentifier(u)) return REQUEST_NAMES.test(u.text) || ctx.isRequestParam(u);
  return ts.isPropertyAccessExpression(u) && (u.name.text === 'request' || u.name.text === 'req');
}

/** The names a handler's context object goes by (Koa, Hono), which holds the request and the response. */
const CONTEXT_NAMES = new Set(['ctx', 'context', 'c']);

/** `ctx`, `context`, `c`: a handler's context, not its request (Koa's `ctx.body` is the response's). */
export function isContextName(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isIdentifier(u) && CONTEXT_NAMES.has(u.text);
}
