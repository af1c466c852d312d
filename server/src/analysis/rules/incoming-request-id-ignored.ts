// incoming-request-id-ignored: a request-id source that makes a new id even when the caller sent
// one, so one request's logs cannot be followed from service to service. The fix reads the header
// the `requestIdHeader` setting names first. Never safe: it makes the service trust a caller's id.
import ts from '../typescriptModule';
import { type IgnoredIncomingId, ignoredIncomingId } from '../context/incomingId';
import { propertyOf } from '../context/imports';
import type { FixProposal, Rule, RuleContext } from '../rule';
import type { TextEdit } from '../types';
import { addOption, headerLiteral, randomUUIDInScope } from './util/contextFixes';

/** Words a file must hold for this rule to look at its calls (plain substring searches, cheap on large files). */
const LIBRARY_WORDS = ['pino-http', 'express-pino-logger', 'cls-rtracer', 'fastify(', 'Fastify(', "fastify')(", 'fastify")('];
/** An id generator counts in a middleware, which passes the request on (`next()`, Fastify's `done()`). */
const GENERATOR_WORDS = ['randomUUID', 'uuid', 'nanoid', 'cuid'];
const MIDDLEWARE_WORDS = ['next(', 'done('];

export const MESSAGES = {
  pinoHttpDefault: (h: string) => `pino-http gives every request a new id (its default genReqId counts from 1), even when the caller sent one in ${h}: one request's logs cannot be followed across services.`,
  pinoHttpGenReqId: (h: string) => `genReqId makes a new id without reading the incoming ${h} header: one request's logs cannot be followed across services.`,
  rtracer: (h: string) => `cls-rtracer makes a new id for every request unless useHeader is true: the ${h} a caller sent is ignored.`,
  fastifyNothing: (h: string) => `Fastify 5 ignores an incoming request id unless requestIdHeader is set (its default is false): the ${h} a caller sent is ignored.`,
  fastifyFalse: (h: string) => `requestIdHeader: false makes Fastify ignore the ${h} a caller sent: one request's logs cannot be followed across services.`,
  fastifyV4: (h: string) => `Fastify 4 reads the request id from the request-id header by default, not ${h}: the id a caller sent is ignored.`,
  middleware: (h: string) => `This middleware makes a new request id without reading the incoming ${h} header: one request's logs cannot be followed across services.`,
} as const;

function messageOf(f: IgnoredIncomingId, h: string): string {
  switch (f.kind) {
    case 'pino-http-default':
      return MESSAGES.pinoHttpDefault(h);
    case 'pino-http-genReqId':
      return MESSAGES.pinoHttpGenReqId(h);
    case 'cls-rtracer':
    case 'cls-rtracer-plugin':
      return MESSAGES.rtracer(h);
    case 'fastify':
      return f.explicitFalse ? MESSAGES.fastifyFalse(h) : f.reads === 'request-id' ? MESSAGES.fastifyV4(h) : MESSAGES.fastifyNothing(h);
    case 'middleware':
      return MESSAGES.middleware(h);
  }
}

/** Parameter names for a wrapper around the project's genReqId, first ones it does not mention. */
const PARAMETER_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['req', 'res'],
  ['request', 'response'],
  ['incomingRequest', 'serverResponse'],
];

function fixesOf(f: IgnoredIncomingId, ctx: RuleContext): FixProposal[] {
  const header = headerLiteral(ctx);
  const sf = ctx.sourceFile;
  const title = `Read the ${ctx.requestIdHeader} header first`;
  switch (f.kind) {
    case 'pino-http-default': {
      const uuid = randomUUIDInScope(ctx);
      if (!uuid) return [];
      const fn = `genReqId: (req, res) => { const existing = req.headers[${header}]; if (typeof existing === 'string' && existing !== '') return existing; const id = ${uuid.name}(); res.setHeader(${header}, id); return id; }`;
      const edits = addOption(ctx, f.call, f.options, fn);
      return edits ? [{ title, edits: [...uuid.edits, ...edits], safe: false }] : [];
    }
    case 'pino-http-genReqId': {
      // The project's own generator stays, called with as many arguments as it takes when the caller
      // sent no id; the wrapper's parameter names are ones the generator does not use.
      const fn = f.genReqId as ts.ArrowFunction | ts.FunctionExpression;
      const names = PARAMETER_NAMES.find(([a, b]) => !new RegExp(`\\b(?:${a}|${b})\\b`).test(fn.getText(sf)));
      if (!names) return [];
      const [req, res] = names;
      const count = fn.parameters.some((p) => p.dotDotDotToken) ? 2 : Math.min(fn.parameters.length, 2);
      const before = `(${req}, ${res}) => { const existing = ${req}.headers[${header}]; if (typeof existing === 'string' && existing !== '') return existing; return (`;
      const start = fn.getStart(sf);
      return [{ title, edits: [{ start, end: start, newText: before }, { start: fn.end, end: fn.end, newText: `)(${[req, res].slice(0, count).join(', ')}); }` }], safe: false }];
    }
    case 'cls-rtracer':
    case 'cls-rtracer-plugin': {
      const edits = rtracerEdits(f, ctx, header);
      return edits ? [{ title, edits, safe: false }] : [];
    }
    case 'fastify': {
      if (f.explicitFalse) return [{ title, edits: [{ start: f.explicitFalse.getStart(sf), end: f.explicitFalse.end, newText: header }], safe: false }];
      const edits = addOption(ctx, f.call, f.options, `requestIdHeader: ${header}`);
      return edits ? [{ title, edits, safe: false }] : [];
    }
    case 'middleware': {
      // Hono's context reads headers through c.req.header(); every other framework's request has `headers`.
      if (/['"]hono['"]/.test(ctx.text)) return [];
      const read = `${f.request.text}.headers[${header}]`;
      const start = f.generator.getStart(sf);
      return [{ title, edits: [{ start, end: start, newText: `((typeof ${read} === 'string' && ${read}) || ` }, { start: f.generator.end, end: f.generator.end, newText: ')' }], safe: false }];
    }
  }
}

/**
 * cls-rtracer's options made to read the header: `useHeader: false` written over, else `useHeader: true`
 * added (with `headerName` when the setting names another header than cls-rtracer's default and the
 * options name none); a plugin registered without options gets them after itself.
 */
function rtracerEdits(f: Extract<IgnoredIncomingId, { kind: 'cls-rtracer' | 'cls-rtracer-plugin' }>, ctx: RuleContext, header: string): TextEdit[] | null {
  const sf = ctx.sourceFile;
  const headerName = ctx.requestIdHeader !== 'x-request-id' && !(f.options && propertyOf(f.options, 'headerName')) ? `headerName: ${header}` : null;
  const useHeader = f.options && propertyOf(f.options, 'useHeader');
  if (useHeader) {
    if (!ts.isPropertyAssignment(useHeader)) return null;
    const edits: TextEdit[] = [{ start: useHeader.initializer.getStart(sf), end: useHeader.initializer.end, newText: 'true' }];
    if (headerName) edits.push({ start: useHeader.end, end: useHeader.end, newText: `, ${headerName}` });
    return edits;
  }
  const property = headerName ? `useHeader: true, ${headerName}` : 'useHeader: true';
  if (f.kind === 'cls-rtracer-plugin' && !f.options) {
    if (f.call.arguments.length !== 1) return null;
    const space = ctx.codeStyle().bracketSpacing ? ' ' : '';
    return [{ start: f.plugin.end, end: f.plugin.end, newText: `, {${space}${property}${space}}` }];
  }
  return addOption(ctx, f.call, f.options, property);
}

export const rule: Rule = {
  meta: {
    id: 'incoming-request-id-ignored',
    description: 'A request-id source that makes a new id even when the caller sent one (pino-http, cls-rtracer, Fastify, a custom middleware).',
    defaultSeverity: 'warning',
    fixable: false,
  },
  mayApply: {
    words: [...LIBRARY_WORDS, ...GENERATOR_WORDS, ...MIDDLEWARE_WORDS],
    test: (has) => LIBRARY_WORDS.some(has) || (GENERATOR_WORDS.some(has) && MIDDLEWARE_WORDS.some(has)),
  },
  checkCall(node, ctx) {
    if (ctx.fileKind !== 'service') return;
    const found = ignoredIncomingId(node, (id) => ctx.importOf(id), (n) => ctx.requestParamAt(n), ctx.serviceContext()?.fastifyMajor ?? null);
    if (!found) return;
    // At the generator call for a middleware, at the plugin registered (`rTracer.fastifyPlugin`), at the callee (`pinoHttp`, `Fastify`) for a library.
    const at = found.kind === 'middleware' ? found.generator : found.kind === 'cls-rtracer-plugin' ? found.plugin : found.call.expression;
    ctx.report(at, messageOf(found, ctx.requestIdHeader), fixesOf(found, ctx));
  },
};
