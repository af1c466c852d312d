// handler-missing-request-context: a log call in a request handler (or a callback inside one)
// through a logger that carries no request context (the module's logger, `app.log`), when the
// service puts a request-scoped logger on the request (`req.log` from pino-http, Fastify's
// `request.log`, a child logger a middleware binds). Quiet when the shared logger reads the
// context itself (a pino mixin or winston format reading AsyncLocalStorage, OpenTelemetry's log
// instrumentation) and when requests get no id at all (missing-request-id-middleware's finding).
// The fix switches to the request's logger: safe, the request is in scope and the library is the same.
//
// Across files (checkService): a log call in a function a handler reaches through calls in the
// workspace (context/requestPaths.ts: services, repositories, helpers in other files), named by the
// route and the chain that reaches it. The fix is offered only where the request is in scope there
// (a handler registered in another file, a parameter the request is passed into); threading the
// request through the calls is left to a person.
import * as path from 'node:path';
import { hasNoRequestContext } from '../context/missingRequestId';
import { pathLogsWithoutContext } from '../context/pathCalls';
import { describePath, requestPathsOf } from '../context/requestPaths';
import { bindingsFromDeclarations, isRequestScoped, loggerReadsRequestContext } from '../context/requestScoped';
import { serviceContextFor } from '../context/service';
import type { LogCall, Rule, RuleContext, ServiceRuleContext, ServiceView } from '../rule';
import ts from '../typescriptModule';
import { unwrap } from '../scopes';

export const MESSAGE = (method: string, scoped: string) =>
  `This ${method} call in a request handler goes through a logger that carries no request context, so its record has no request id; ${scoped} carries it.`;

export const PATH_MESSAGE = (method: string, where: string, remedy: string) =>
  `This ${method} call runs on ${where} and goes through a logger that carries no request context, so its record has no request id; ${remedy}.`;

export const rule: Rule = {
  meta: {
    id: 'handler-missing-request-context',
    description: 'Log calls in request handlers through a logger without request context, when a request-scoped logger (req.log, request.log) is there.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  checkLogCall(call: LogCall, ctx: RuleContext) {
    if (call.library === 'console' || ctx.fileKind !== 'service') return;
    // Cheapest first: the service's context, the receiver, and only then handler discovery in the file.
    const service = ctx.serviceContext();
    if (!service?.requestLoggerProperty || service.loggerReadsContext || hasNoRequestContext(service)) return;
    // A workspace getter reading the request's logger from AsyncLocalStorage (`getLogger()`) carries its context.
    const readsContext = (c: ts.CallExpression) => ctx.returnsContextLogger?.(c) ?? false;
    if (loggerReadsRequestContext(call.library, service.libraries) || isRequestScoped(call.receiver, bindingsFromDeclarations((id) => ctx.declarationOf(id)), readsContext)) return;
    const request = ctx.requestParamAt(call.node);
    if (!request) return;
    const scoped = `${request.text}.${service.requestLoggerProperty}`;
    // `if (req.log) req.log.error(...) else logger.error(...)`: the shared logger is the fallback for a request without one.
    if (loggedWhereMissing(call.node, request.text, service.requestLoggerProperty)) return;
    // Same library only: pino's argument order is not winston's. Safe when the service's code certainly
    // sets the request logger up (a dependency on pino-http alone may leave `req.log` undefined).
    const edits = switchEdits(call, scoped, ctx.sourceFile);
    const fixes = call.library === 'pino' || service.requestLoggerProperty !== 'log' ? [{ title: `Log through ${scoped}`, edits, safe: service.requestLoggerCertain }] : [];
    ctx.report(call.receiver, MESSAGE(call.method, scoped), fixes);
  },
  checkService(service: ServiceView, ctx: ServiceRuleContext) {
    const lost = pathLogsWithoutContext(service);
    const property = serviceContextFor(service.project, path.join(service.root, 'package.json'))?.requestLoggerProperty;
    if (!lost || !property) return;
    const paths = requestPathsOf(service);
    for (const { fn, call } of lost) {
      // In another workspace package the request it was handed may be the raw one (`req.raw`), without the framework's logger.
      const request = service.project.packageFor(fn.parsed.file)?.dir === service.root ? fn.requestParam : null;
      const where = describePath(paths, fn);
      if (!request) {
        const named = `${fn.handlers[0].requestParam ?? 'req'}.${property}`;
        ctx.report(fn.parsed.file, call.receiver, PATH_MESSAGE(call.method, where, `the request's logger (${named}) is not in scope here: pass it in, or have the shared logger read the request's context (a mixin on AsyncLocalStorage)`));
        continue;
      }
      const scoped = `${request.text}.${property}`;
      // Offered in the editor, never safe: a parameter the request is passed into may receive something
      // else from a caller outside the request paths, and `check --fix` applies the file phase's fixes
      // only (it re-analyses each file), so a safe fix here would be announced and never applied.
      const edits = switchEdits(call, scoped, fn.parsed.sourceFile);
      const fixes = call.wrapper || !(call.library === 'pino' || property !== 'log') ? [] : [{ title: `Log through ${scoped}`, edits, safe: false }];
      ctx.report(fn.parsed.file, call.receiver, PATH_MESSAGE(call.method, where, `${scoped} carries it`), fixes);
    }
  },
};

/**
 * The edits that switch a call to the request's logger: its receiver, and for pino's `log` (a
 * project's alias of info, sorry-cypress's `logger.log = logger.info`: the request's pino logger has
 * none) the method too, `req.log.info(...)`.
 */
function switchEdits(call: LogCall, scoped: string, sf: ts.SourceFile): Array<{ start: number; end: number; newText: string }> {
  const callee = unwrap(call.node.expression);
  if (call.library === 'pino' && call.method === 'log' && ts.isPropertyAccessExpression(callee) && unwrap(callee.expression) === unwrap(call.receiver)) {
    return [{ start: callee.getStart(sf), end: callee.end, newText: `${scoped}.info` }];
  }
  return [{ start: call.receiver.getStart(sf), end: call.receiver.end, newText: scoped }];
}

/** Whether `node` runs only when `request.property` is missing: the else of `if (req.log)`, the then of `if (!req.log)`. */
function loggedWhereMissing(node: ts.Node, request: string, property: string): boolean {
  const names = (e: ts.Expression): boolean => {
    const x = unwrap(e);
    return ts.isPropertyAccessExpression(x) && x.name.text === property && ts.isIdentifier(unwrap(x.expression)) && (unwrap(x.expression) as ts.Identifier).text === request;
  };
  const negated = (e: ts.Expression): ts.Expression | null => {
    const x = unwrap(e);
    return ts.isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken ? x.operand : null;
  };
  for (let n: ts.Node = node; n.parent && !ts.isFunctionLike(n); n = n.parent) {
    const up = n.parent;
    const [cond, then, otherwise] = ts.isIfStatement(up) ? [up.expression, up.thenStatement, up.elseStatement] : ts.isConditionalExpression(up) ? [up.condition, up.whenTrue, up.whenFalse] : [null, null, null];
    if (!cond) continue;
    if (n === otherwise && names(cond)) return true;
    const inner = negated(cond);
    if (n === then && inner && names(inner)) return true;
  }
  return false;
}
