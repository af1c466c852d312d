// high-cardinality-label: label values (OpenTelemetry attributes) from unbounded sources. Every
// distinct label value is its own time series, kept in memory by Prometheus and billed by hosted
// backends: ids, emails, raw URL paths, timestamps, request input and error messages grow without
// limit (a scanner requesting random paths creates one series per request).
import ts from '../typescriptModule';
import type { LabelValue, MetricUse } from '../metrics';
import type { FixProposal, Rule, RuleContext } from '../rule';
import { requiredModule, unwrap } from '../scopes';
import { errorAsText, isErrorValue } from './util/errors';
import { isRequestObject } from './util/requests';
import { constDeclaration } from './util/declarations';
import { words } from '../nameWords';

type Kind = 'path' | 'id' | 'email' | 'user name' | 'IP address' | 'time' | 'body' | 'query' | 'path parameter' | 'header' | 'cookie' | 'error';

interface Source {
  readonly kind: Kind;
  /** The expression the value comes from (the value itself, or a `const` initialiser it holds). */
  readonly expr: ts.Expression;
}

const GROWS = 'one time series per distinct value, without limit';
const KEEP_OUT = 'keep it out of labels (log it, or attach it to a trace or an exemplar)';

export const MESSAGES = {
  path: 'the raw URL path: every distinct URL (ids in paths, scanners probing random paths) becomes its own time series. Label by the route template: `req.baseUrl + req.route.path` (Express, once a route matched), `request.routeOptions.url` (Fastify), `ctx._matchedRoute` (koa-router).',
  id: `an id: ${GROWS}; ${KEEP_OUT}.`,
  email: `an email address: ${GROWS}; ${KEEP_OUT}.`,
  'user name': `a user name: ${GROWS}; ${KEEP_OUT}.`,
  'IP address': `an IP address: ${GROWS}; ${KEEP_OUT}.`,
  time: 'a timestamp: a new time series on every call. Record time as the metric\'s value (a histogram or gauge), never as a label.',
  body: `free text from the request body: any client can create ${GROWS}. Map it to a fixed set of values first.`,
  query: `a query string value: any client can create ${GROWS}. Map it to a fixed set of values first.`,
  'path parameter': `a path parameter: ${GROWS}. Label by the route template instead.`,
  header: `a request header value: any client can create ${GROWS}. Map it to a fixed set of values first.`,
  cookie: `a cookie value: any client can create ${GROWS}. Map it to a fixed set of values first.`,
  error: 'an error message: messages carry ids, paths and values, one time series each. Label by `err.name`, `err.code` or a fixed set of reasons.',
} satisfies Record<Kind, string>;

const ID_WORDS = new Set(['id', 'ids', 'uuid', 'guid', 'uid']);
/** Ids of things a deployment has few of: `regionId`, `shardId`, `workerId` are bounded. */
const BOUNDED_ID_QUALIFIERS = new Set([
  'region', 'zone', 'shard', 'partition', 'worker', 'node', 'instance', 'cluster', 'pod', 'process', 'thread', 'queue', 'topic', 'route',
  'status', 'state', 'type', 'kind', 'category', 'version', 'env', 'environment', 'service', 'app', 'plan', 'tier', 'level', 'locale',
  'country', 'currency', 'provider', 'model', 'channel', 'platform', 'gateway', 'datacenter', 'dc', 'host', 'pool', 'stage', 'step', 'phase', 'feature', 'flag', 'experiment', 'variant', 'method', 'scope',
]);
const TIME_WORDS = new Set(['timestamp', 'datetime', 'date', 'time']);
const RAW_PATH_PROPERTIES = new Set(['path', 'url', 'originalUrl', 'href', 'pathname']);
/** String and number conversions that keep the value's variety: `String(id)`, `path.toLowerCase()`. */
const TRANSPARENT_METHODS = new Set(['toString', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'normalize', 'slice', 'substring', 'substr', 'valueOf']);
const TRANSPARENT_FUNCTIONS = new Set(['String', 'Number', 'BigInt']);
const TIME_METHODS = new Set(['toISOString', 'toUTCString', 'toJSON', 'getTime', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'toDateString', 'toTimeString']);
const MAX_DEPTH = 8;

/** What a name says its value is, by its words: `userId`, `order.id`, `user_email`, `createdAt`. */
function kindOfName(name: string, qualifier: string | null): Kind | null {
  const w = words(name);
  const last = w[w.length - 1];
  if (!last) return null;
  const pair = w.length >= 2 ? `${w[w.length - 2]} ${last}` : '';
  if (ID_WORDS.has(last)) {
    const q = w.length >= 2 ? w[w.length - 2] : qualifier;
    return q && BOUNDED_ID_QUALIFIERS.has(q) ? null : 'id';
  }
  if (last === 'email' || last === 'emails' || pair === 'email address') return 'email';
  if (last === 'username' || pair === 'user name') return 'user name';
  if (pair === 'ip address' || pair === 'remote address' || (last === 'ip' && w.length <= 2)) return 'IP address';
  if (TIME_WORDS.has(last) || (last === 'at' && w.length >= 2)) return 'time';
  return null;
}

/** The last name of an expression (`user.id` → id), and the name before it (user). */
function namesOf(e: ts.Expression): { name: string; qualifier: string | null } | null {
  const nameOf = (x: ts.Expression): string | null => {
    const u = unwrap(x);
    if (ts.isIdentifier(u)) return u.text;
    if (ts.isPropertyAccessExpression(u)) return u.name.text;
    if (ts.isElementAccessExpression(u) && ts.isStringLiteralLike(u.argumentExpression)) return u.argumentExpression.text;
    return null;
  };
  const name = nameOf(e);
  if (name === null) return null;
  const obj = ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ? nameOf(e.expression) : null;
  const q = obj !== null ? words(obj) : [];
  return { name, qualifier: q.length ? q[q.length - 1] : null };
}

/** `req.params.id` → { request: req, names: [params, id] }: a property chain on a handler's request. */
function requestChain(e: ts.Expression, ctx: RuleContext): { request: ts.Expression; names: string[] } | null {
  const names: string[] = [];
  let cur = e;
  for (let i = 0; i < MAX_DEPTH; i++) {
    let name: string;
    if (ts.isPropertyAccessExpression(cur)) name = cur.name.text;
    else if (ts.isElementAccessExpression(cur)) name = ts.isStringLiteralLike(cur.argumentExpression) ? cur.argumentExpression.text : '*';
    else return null;
    names.unshift(name);
    if (isRequestObject(cur.expression, ctx)) return { request: unwrap(cur.expression), names };
    cur = unwrap(cur.expression);
  }
  return null;
}

/** What part of the request a chain reads, when it is unbounded. */
function kindOfRequestPart(names: string[]): Kind | null {
  const [first, second] = names;
  if (names.length === 1 && RAW_PATH_PROPERTIES.has(first)) return 'path';
  if (first === 'raw' && RAW_PATH_PROPERTIES.has(second)) return 'path'; // Fastify's request.raw.url
  switch (first) {
    case 'body':
      return 'body';
    case 'query':
      return 'query';
    case 'params':
      return names.length > 1 && kindOfName(second, 'params') === 'id' ? 'id' : 'path parameter';
    case 'headers':
      return 'header';
    case 'cookies':
    case 'signedCookies':
      return 'cookie';
    case 'ip':
    case 'ips':
      return 'IP address';
    case 'socket':
    case 'connection':
      return second === 'remoteAddress' ? 'IP address' : null;
    case 'id':
    case 'sessionID':
      return 'id'; // pino-http's and Fastify's request id, express-session's id
  }
  return null;
}

/** A call whose result is unbounded: a clock, a header read, a date formatted. */
function callSource(call: ts.CallExpression, ctx: RuleContext, depth: number): Source | null {
  const callee = unwrap(call.expression);
  const text = callee.getText(ctx.sourceFile);
  if (text === 'Date.now' || text === 'performance.now' || text === 'Date.parse' || text === 'process.hrtime' || text === 'process.hrtime.bigint') return { kind: 'time', expr: call };
  if (ts.isIdentifier(callee) && TRANSPARENT_FUNCTIONS.has(callee.text) && call.arguments[0]) return sourceOf(call.arguments[0], ctx, depth + 1);
  if (!ts.isPropertyAccessExpression(callee)) return null;
  const method = callee.name.text;
  if (TIME_METHODS.has(method)) return { kind: 'time', expr: call };
  if ((method === 'get' || method === 'header') && isRequestObject(callee.expression, ctx)) return { kind: 'header', expr: call };
  if (text === 'JSON.stringify' && call.arguments[0]) return sourceOf(call.arguments[0], ctx, depth + 1);
  if (/^Math\.(floor|round|ceil|trunc)$/.test(text) && call.arguments[0]) return sourceOf(call.arguments[0], ctx, depth + 1);
  if (TRANSPARENT_METHODS.has(method)) return sourceOf(callee.expression, ctx, depth + 1);
  return null;
}

/** Where a label value comes from, when that source is unbounded. */
function sourceOf(expr: ts.Expression, ctx: RuleContext, depth = 0): Source | null {
  if (depth > MAX_DEPTH) return null;
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return null;
  if (ts.isConditionalExpression(e)) return sourceOf(e.whenTrue, ctx, depth + 1) ?? sourceOf(e.whenFalse, ctx, depth + 1);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    const both = op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.MinusToken || op === ts.SyntaxKind.AsteriskToken || op === ts.SyntaxKind.SlashToken;
    if (both || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) return sourceOf(e.left, ctx, depth + 1) ?? sourceOf(e.right, ctx, depth + 1);
    return op === ts.SyntaxKind.AmpersandAmpersandToken ? sourceOf(e.right, ctx, depth + 1) : null;
  }
  if (ts.isTemplateExpression(e)) {
    for (const span of e.templateSpans) {
      const s = sourceOf(span.expression, ctx, depth + 1);
      if (s) return s;
    }
    return null;
  }
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === 'Date' ? { kind: 'time', expr: e } : null;
  if (errorAsText(e, ctx) || (ts.isPropertyAccessExpression(e) && e.name.text === 'stack' && isErrorValue(e.expression, ctx))) return { kind: 'error', expr: e };
  if (ts.isCallExpression(e)) return callSource(e, ctx, depth);
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const chain = requestChain(e, ctx);
    const kind = chain && kindOfRequestPart(chain.names);
    if (kind) return { kind, expr: e };
  }
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const names = namesOf(e);
    const kind = names && kindOfName(names.name, names.qualifier);
    if (kind) return { kind, expr: e };
  }
  if (ts.isIdentifier(e)) {
    // A `const` set from a source: `const path = req.path; counter.inc({ path })`.
    const d = constDeclaration(e, ctx);
    if (d) return sourceOf(d.initializer, ctx, depth + 1);
  }
  return null;
}

const expressFiles = new WeakMap<ts.SourceFile, boolean>();

/** Whether the file imports (or requires) express: decides which framework's fix applies. Read once per file. */
function importsExpress(sf: ts.SourceFile): boolean {
  let known = expressFiles.get(sf);
  if (known === undefined) expressFiles.set(sf, (known = importsModule(sf, 'express')));
  return known;
}

function importsModule(sf: ts.SourceFile, module: string): boolean {
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text === module) return true;
    if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) && ts.isStringLiteral(st.moduleReference.expression) && st.moduleReference.expression.text === module) return true;
    if (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => d.initializer && requiredModule(unwrap(d.initializer)) === module)) return true;
  }
  return false;
}

/**
 * Express: the route template instead of the raw path, `'unmatched'` when no route matched (404s,
 * or a middleware that runs before routing). Not safe: the label's values change (that is the
 * point, but dashboards grouping by the old values change with them), `req.route` is only set once
 * a route matched (read it when the response finishes, not in a middleware before routing), and
 * `req.baseUrl` is the matched mount path, which holds values when the mount path has parameters.
 */
function routeTemplateFix(source: Source, label: LabelValue, ctx: RuleContext): FixProposal[] {
  const value = unwrap(label.value);
  if (source.kind !== 'path' || source.expr !== value || !ts.isPropertyAccessExpression(value) || value.name.text === 'raw') return [];
  const request = unwrap(value.expression);
  if (!ts.isIdentifier(request) || !importsExpress(ctx.sourceFile)) return [];
  const f = ts.factory;
  const req = () => f.createIdentifier(request.text);
  const route = () => f.createPropertyAccessExpression(req(), 'route');
  const template = f.createBinaryExpression(f.createPropertyAccessExpression(req(), 'baseUrl'), ts.SyntaxKind.PlusToken, f.createPropertyAccessExpression(route(), 'path'));
  const singleQuote = ctx.codeStyle().quote === "'";
  const conditional = f.createConditionalExpression(route(), f.createToken(ts.SyntaxKind.QuestionToken), template, f.createToken(ts.SyntaxKind.ColonToken), f.createStringLiteral('unmatched', singleQuote));
  const newText = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed }).printNode(ts.EmitHint.Expression, conditional, ctx.sourceFile);
  return [{ title: 'Label by the route template (req.baseUrl + req.route.path)', edits: [{ start: value.getStart(ctx.sourceFile), end: value.end, newText }], safe: false }];
}

function excerpt(e: ts.Expression, sf: ts.SourceFile): string {
  const text = e.getText(sf).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function checkLabel(label: LabelValue, use: MetricUse, ctx: RuleContext): void {
  const sf = ctx.sourceFile;
  const what = use.metric.library === 'opentelemetry' ? 'Attribute' : 'Label';
  const subject = label.name !== null ? `${what} \`${label.name}\`` : `${what} value`;
  const source = sourceOf(label.value, ctx);
  if (source) {
    const value = unwrap(label.value);
    const via = source.expr === value ? '' : ` (= \`${excerpt(source.expr, sf)}\`)`;
    ctx.report(label.value, `${subject} takes \`${excerpt(value, sf)}\`${via}, ${MESSAGES[source.kind]}`, routeTemplateFix(source, label, ctx));
    return;
  }
  // The label's own name says what it holds (`{ user_id: uid }`), unless its value is a constant.
  const value = unwrap(label.value);
  if (label.name === null || ts.isStringLiteralLike(value) || ts.isNumericLiteral(value)) return;
  const kind = kindOfName(label.name, null);
  if (kind) ctx.report(label.value, `${subject} holds ${MESSAGES[kind]}`);
}

export const rule: Rule = {
  meta: {
    id: 'high-cardinality-label',
    description: 'Metric label values (OpenTelemetry attributes) from unbounded sources: ids, emails, raw URL paths, timestamps, request input, error messages.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  checkMetricUse(use, ctx) {
    for (const label of use.labels) checkLabel(label, use, ctx);
  },
};
