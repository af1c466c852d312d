// Outgoing calls a handler makes on behalf of a request (the outgoing-call-without-context rule):
// which client a call is (by following its callee to an import, or to an instance made in the file
// from one: `axios.create()`, `kafka.producer()`, `new Queue()`), and whether it passes the request
// id or trace context on (a header named by the setting or `traceparent`; an id field in a job's data).
import ts from '../typescriptModule';
import { unwrap } from '../scopes';
import { containsNode, importedName, type ImportLookup, type ImportedName, namesExport, propertyOf } from './imports';
import { type Carrier, GLOBAL_FETCH, type OutgoingClient, type OutgoingKind, OUTGOING_CLIENTS, PRODUCERS } from './libraries';

export interface OutgoingCall {
  node: ts.CallExpression | ts.NewExpression;
  /** The callee, where a finding is shown. */
  callee: ts.Expression;
  label: string;
  kind: OutgoingKind;
  carrier: Carrier;
  /** The options argument's index (where a fix adds one), null when it cannot be told. */
  optionsIndex: number | null;
  /** The instance it is called on was made in the file (axios.create): its name, to find its interceptors. */
  instance: string | null;
  /** Called on the default axios instance. */
  axiosDefault: boolean;
  /** The file's declarations, to read a URL kept in a `const` (thirdPartyHost). */
  declarationOf?: DeclarationLookup;
}

/** Names a file's scope model resolves: `declarationOf` from the rule context. */
export type DeclarationLookup = (id: ts.Identifier) => ts.VariableDeclaration | ts.ParameterDeclaration | null;

function isModuleItself(imp: ImportedName, module: string, name: string): boolean {
  if (imp.member !== undefined || imp.module !== module) return false;
  return name === '*' || name === 'default' ? imp.name === '*' || imp.name === 'default' : imp.name === name;
}

const BINDS_FETCH = /\bfunction\s+fetch\b|\b(?:const|let|var)\s+fetch\b|[{,]\s*fetch\s*[,}=]/;
const fetchBound = new WeakMap<ts.SourceFile, boolean>();

/** The file binds a `fetch` of its own (a function, a variable, a destructured name): its calls are not the global one. */
function bindsFetch(sf: ts.SourceFile): boolean {
  let b = fetchBound.get(sf);
  if (b === undefined) fetchBound.set(sf, (b = BINDS_FETCH.test(sf.text)));
  return b;
}

/** The value a local name was initialised with (unwrapped), when it is a variable of this file. */
function initializerOf(expr: ts.Expression, decl: DeclarationLookup): ts.Expression | null {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return null;
  const d = decl(e);
  return d && ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : null;
}

function optionsIndexOf(client: OutgoingClient, method: string | null, args: readonly ts.Expression[]): number | null {
  if (typeof client.options === 'number') return client.options;
  if (client.options === 'axios') {
    if (method === null || method === 'request') return 0;
    return ['post', 'put', 'patch'].includes(method) ? 2 : 1;
  }
  if (client.options === 'urlOrOptions') return args[0] && ts.isObjectLiteralExpression(unwrap(args[0])) ? 0 : 1;
  const i = args.findIndex((a) => ts.isObjectLiteralExpression(unwrap(a)));
  return i >= 0 ? i : null;
}

export function outgoingCallOf(node: ts.CallExpression | ts.NewExpression, lookup: ImportLookup, decl: DeclarationLookup): OutgoingCall | null {
  const callee = unwrap(node.expression);
  const args = node.arguments ?? [];
  const make = (client: OutgoingClient, method: string | null, instance: string | null, axiosDefault = false): OutgoingCall => ({
    node,
    callee,
    label: client.label,
    kind: client.kind,
    carrier: client.carrier,
    optionsIndex: optionsIndexOf(client, method, args),
    instance,
    axiosDefault,
    declarationOf: decl,
  });
  if (ts.isIdentifier(callee) && callee.text === 'fetch' && ts.isCallExpression(node) && !lookup(callee) && !decl(callee) && !bindsFetch(node.getSourceFile())) return make(GLOBAL_FETCH, null, null);
  const imp = importedName(lookup, callee);
  for (const client of OUTGOING_CLIENTS) {
    if (imp && client.methods.length === 0 && isModuleItself(imp, client.module, client.name)) return ts.isNewExpression(node) || client.carrier !== 'attributes' ? make(client, null, null) : null;
    if (client.methods.length === 0 || !ts.isCallExpression(node)) continue;
    // `http.get(...)`, `axios.post(...)`, `import { request } from 'node:http'`.
    if (imp && imp.module === client.module && imp.member && client.methods.includes(imp.member) && (imp.name === '*' || imp.name === 'default')) return make(client, imp.member, null, client.module === 'axios');
    if (imp && imp.module === client.module && !imp.member && client.methods.includes(imp.name) && client.name === '*') return make(client, imp.name, null);
    // The module called itself: `axios(config)`, `got(url, options)`.
    if (imp && client.name === 'default' && isModuleItself(imp, client.module, 'default')) return make(client, null, null, client.module === 'axios');
    // An instance made in this file: `const api = axios.create(...)`, then `api.get(...)` or `api(...)`.
    if (!client.factory) continue;
    const method = ts.isPropertyAccessExpression(callee) && client.methods.includes(callee.name.text) ? callee.name.text : null;
    const target = unwrap(method && ts.isPropertyAccessExpression(callee) ? callee.expression : callee);
    const init = initializerOf(target, decl);
    if (init && ts.isCallExpression(init)) {
      const made = importedName(lookup, init.expression);
      if (made && made.module === client.module && made.member && client.factory.includes(made.member)) {
        return make(client, method, ts.isIdentifier(target) ? target.text : null);
      }
    }
  }
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(callee)) return null;
  for (const p of PRODUCERS) {
    const m = p.methods[callee.name.text];
    if (m && madeFrom(callee.expression, p.module, p.name, p.chain, lookup, decl, 0)) {
      return { node, callee, label: p.label, kind: p.kind, carrier: m.carrier, optionsIndex: m.options, instance: null, axiosDefault: false, declarationOf: decl };
    }
  }
  return null;
}

/** Whether `expr` holds an object made from `module`'s `name` through `chain` (`kafka.producer()` on `new Kafka()`). */
export function madeFrom(expr: ts.Expression, module: string, name: string, chain: readonly string[], lookup: ImportLookup, decl: DeclarationLookup, depth: number): boolean {
  if (depth > 6) return false;
  let e = unwrap(expr);
  const init = initializerOf(e, decl);
  if (init) e = init;
  if (!ts.isCallExpression(e) && !ts.isNewExpression(e)) return false;
  const callee = unwrap(e.expression);
  if (chain.length === 0) return namesExport(importedName(lookup, callee), module, name);
  const last = chain[chain.length - 1];
  return ts.isPropertyAccessExpression(callee) && callee.name.text === last && madeFrom(callee.expression, module, name, chain.slice(0, -1), lookup, decl, depth + 1);
}

/** Keys that carry the request id or trace context, normalised (lower case, no `-` or `_`). */
const CONTEXT_KEYS = new Set(['traceparent', 'xrequestid', 'requestid', 'reqid', 'xcorrelationid', 'correlationid', 'traceid']);

function carriesKey(obj: ts.ObjectLiteralExpression, header: string): boolean | null {
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) return null; // spread in: not in view
    const name = p.name;
    if (!name) continue;
    if (ts.isComputedPropertyName(name)) return null;
    const key = ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text.toLowerCase() : '';
    if (key === header || CONTEXT_KEYS.has(key.replace(/[-_]/g, ''))) return true;
  }
  return false;
}

/** The object under `key` of an object literal: true/false when it carries the context, null when it cannot be told. */
function underKey(obj: ts.ObjectLiteralExpression, key: string, header: string): boolean | null {
  const p = propertyOf(obj, key);
  if (!p) return carriesKey(obj, header) === null ? null : false;
  if (!ts.isPropertyAssignment(p)) return null;
  const v = unwrap(p.initializer);
  return ts.isObjectLiteralExpression(v) ? carriesKey(v, header) : null;
}

/**
 * Whether the call passes the request id or trace context on: true, false, or null when it cannot
 * be told (options built elsewhere, spreads, computed keys). `header`: the configured header, lower case.
 */
export function passesContext(call: OutgoingCall, header: string): boolean | null {
  const args = call.node.arguments ?? [];
  if (call.carrier === 'set') return chainedSet(call.node, header);
  const index = call.optionsIndex;
  if (index === null) {
    // `http.get(url, callback)`: no options; an argument that could be options built elsewhere leaves it open.
    const couldBeOptions = (a: ts.Expression) => {
      const u = unwrap(a);
      return !ts.isStringLiteralLike(u) && !ts.isTemplateExpression(u) && !ts.isArrowFunction(u) && !ts.isFunctionExpression(u);
    };
    return args.some((a, i) => couldBeOptions(a) && !(i === 0 && isUrl(a))) ? null : false;
  }
  const arg = args[index];
  // Fewer arguments than the options' place (`axios.post(url)`): no options, unless a spread could hold them.
  if (!arg) return args.some(ts.isSpreadElement) ? null : false;
  const obj = unwrap(arg);
  if (!ts.isObjectLiteralExpression(obj)) return null;
  switch (call.carrier) {
    case 'headers':
      return underKey(obj, 'headers', header);
    case 'attributes':
      return underKey(obj, 'MessageAttributes', header);
    case 'data':
      return carriesKey(obj, header);
    case 'messages': {
      const messages = propertyOf(obj, 'messages');
      if (!messages || !ts.isPropertyAssignment(messages)) return messages ? null : false;
      const list = unwrap(messages.initializer);
      if (!ts.isArrayLiteralExpression(list)) return null;
      let all: boolean | null = true;
      for (const m of list.elements) {
        const message = unwrap(m as ts.Expression);
        const r = ts.isObjectLiteralExpression(message) ? underKey(message, 'headers', header) : null;
        if (r === false) return false;
        if (r === null) all = null;
      }
      return all;
    }
  }
}

/** `new URL(...)` or a template/string: a URL, never options. */
function isUrl(a: ts.Expression): boolean {
  const u = unwrap(a);
  return ts.isNewExpression(u) && ts.isIdentifier(u.expression) && u.expression.text === 'URL';
}

/** superagent: a `.set(header, value)` or `.set({ ... })` chained on the request. */
function chainedSet(node: ts.Node, header: string): boolean {
  for (let n: ts.Node = node; n.parent && ts.isPropertyAccessExpression(n.parent) && n.parent.parent && ts.isCallExpression(n.parent.parent); n = n.parent.parent) {
    const call = n.parent.parent;
    if (n.parent.name.text !== 'set') continue;
    const first = call.arguments[0] && unwrap(call.arguments[0]);
    if (!first) continue;
    if (ts.isStringLiteralLike(first) && (first.text.toLowerCase() === header || CONTEXT_KEYS.has(first.text.toLowerCase().replace(/[-_]/g, '')))) return true;
    if (ts.isObjectLiteralExpression(first) && carriesKey(first, header) !== false) return true;
    if (!ts.isStringLiteralLike(first)) return true; // headers from elsewhere: not in view
  }
  return false;
}

/** Host suffixes of private networks and cluster DNS: a service of one's own, whatever its name. */
const INTERNAL_SUFFIXES = ['.local', '.internal', '.svc', '.lan', '.corp', '.localhost', '.home.arpa'];

/**
 * The host of a literal URL the call sends to when it is a public domain name (`https://api.github.com/...`):
 * another company's API, which does not read this service's request id (and should not be sent its
 * trace context). Null for computed URLs, single-label service names (`http://stock/`), IPs and
 * internal names. The URL may be written in place, in a `new Request(url)` / `new URL(url)`, in a
 * template or concatenation that starts with it, in parts joined (`['https://slack.com/api/x?', q].join('')`),
 * or in a `const` holding one of these.
 */
export function thirdPartyHost(call: OutgoingCall): string | null {
  const text = urlPrefix(call.node.arguments?.[0], call.declarationOf && constValueOf(call.declarationOf), 0);
  const m = text ? /^https?:\/\/([^/:?#]+)[/:?#]/i.exec(text) : null;
  if (!m) return null;
  const host = m[1].toLowerCase();
  if (!/\.[a-z]{2,}$/.test(host) || INTERNAL_SUFFIXES.some((s) => host.endsWith(s))) return null;
  return host;
}

/** A `const`'s initializer, through the file's declarations. */
function constValueOf(decl: DeclarationLookup): (id: ts.Identifier) => ts.Expression | undefined {
  return (id) => {
    const d = decl(id);
    return d && ts.isVariableDeclaration(d) && ts.isVariableDeclarationList(d.parent) && d.parent.flags & ts.NodeFlags.Const ? d.initializer : undefined;
  };
}

/** How far a URL expression's text is known from its start (see thirdPartyHost). */
function urlPrefix(expr: ts.Expression | undefined, valueOf: ((id: ts.Identifier) => ts.Expression | undefined) | undefined, depth: number): string | null {
  if (!expr || depth > 4) return null;
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isTemplateExpression(e)) return e.head.text;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return urlPrefix(e.left, valueOf, depth + 1);
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && (e.expression.text === 'Request' || e.expression.text === 'URL')) return urlPrefix(e.arguments?.[0], valueOf, depth + 1);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'join') {
    const parts = unwrap(e.expression.expression);
    return ts.isArrayLiteralExpression(parts) && parts.elements.length > 0 ? urlPrefix(parts.elements[0], valueOf, depth + 1) : null;
  }
  if (ts.isIdentifier(e) && valueOf) return urlPrefix(valueOf(e), valueOf, depth + 1);
  return null;
}

/** Whether the function injects trace context itself (`propagation.inject(...)` into a carrier it sends). */
export function injectsContext(fn: ts.Node, lookup: ImportLookup): boolean {
  return containsNode(fn, (n) => {
    if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || n.expression.name.text !== 'inject') return false;
    const base = importedName(lookup, n.expression.expression);
    return base?.module === '@opentelemetry/api';
  });
}

/** How an outgoing call stands with the request's context (the handler hover, and the rule: it reports `missing` only). */
export type ContextPassing =
  /** The call's options carry the request id or trace context. */
  | 'passes'
  /** They do not (outgoing-call-without-context). */
  | 'missing'
  /** Options built elsewhere: cannot be told. */
  | 'unknown'
  /** OpenTelemetry instrumentation propagates trace context on this client. */
  | 'instrumented'
  /** An axios request interceptor adds headers to every call of the instance. */
  | 'interceptor'
  /** The function it is in injects trace context itself (`propagation.inject`). */
  | 'injected'
  /** A literal URL on another company's public API, which does not read the id (thirdPartyHost). */
  | 'third-party';

/** What of the service's context decides how a call stands (context/service.ts's ServiceContext). */
export interface ServicePropagation {
  readonly traceCovers: ReadonlySet<OutgoingKind>;
  readonly axiosIntercepted: boolean;
}

const interceptedByFile = new WeakMap<ts.SourceFile, Set<string>>();

/**
 * How `call`, made in function `fn`, stands with the request's context, the checks in the order the
 * rule makes them (cheapest first; propagation.inject is searched only for a call that passes nothing).
 */
export function contextPassingOf(call: OutgoingCall, service: ServicePropagation | null, fn: ts.Node, lookup: ImportLookup, header: string): ContextPassing {
  if (service?.traceCovers.has(call.kind)) return 'instrumented';
  if (call.axiosDefault && service?.axiosIntercepted) return 'interceptor';
  if (call.instance) {
    const sf = call.node.getSourceFile();
    let names = interceptedByFile.get(sf);
    if (!names) interceptedByFile.set(sf, (names = interceptedInstances(sf)));
    if (names.has(call.instance)) return 'interceptor';
  }
  const passes = passesContext(call, header);
  if (passes !== false) return passes ? 'passes' : 'unknown';
  if (thirdPartyHost(call)) return 'third-party';
  return injectsContext(fn, lookup) ? 'injected' : 'missing';
}

/** Names of axios instances with a request interceptor in the file (`api.interceptors.request.use(...)`). */
export function interceptedInstances(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  containsNode(sf, (n) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'use') {
      const req = n.expression.expression;
      if (ts.isPropertyAccessExpression(req) && req.name.text === 'request' && ts.isPropertyAccessExpression(req.expression) && req.expression.name.text === 'interceptors') {
        const target = unwrap(req.expression.expression);
        if (ts.isIdentifier(target)) out.add(target.text);
      }
    }
    return false;
  });
  return out;
}
