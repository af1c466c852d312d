// Which code records a metric, for coverage (coverage.ts): a call whose receiver is traced back to
// a recording library's import (prom-client, OpenTelemetry, StatsD clients) with one of its
// recording methods, a call on a project's metrics facade (a workspace module that imports one),
// or a call of a workspace function that does, followed through calls and imports up to a depth.
// Values are followed from their declarations (scope model), never guessed from names.
import ts from '../typescriptModule';
import type { ParsedServiceFile, ServiceView } from '../rule';
import { classifyFile } from '../project';
import { EMITTER_LISTEN_METHODS } from '../context/libraries';
import { type Declaration, hasModifier, requiredModule, resolveName, unwrap } from '../scopes';
import type { Place } from '../handlers/types';
import { type CallTargets, callTargetsOf, type FunctionAt } from '../services/callTargets';
import { FACADE_NON_RECORDING, RECORDING_LIBRARIES, SCRAPE_METHODS } from './coverageLibraries';

/** Operators whose right side is the value when the left has none: `??=`, `??`, `||`, `||=`. */
const FALLBACK_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.BarBarEqualsToken]);

/** Where a value comes from: a package's import, or a workspace module that imports a recording library. */
export type Origin = { kind: 'package'; module: string } | { kind: 'facade'; file: string };

/** What records: shown in the summary. */
export interface Recording {
  /** `prom-client`, `statsd`, `metrics facade src/metrics.ts`. */
  library: string;
  /** The recording call as written, shortened. */
  call: string;
  file: string;
  line: number;
}

const MAX_DEPTH = 5;
const ALL_RECORDING_METHODS: ReadonlySet<string> = new Set(RECORDING_LIBRARIES.flatMap((l) => [...l.methods]));
const MAX_TEXT = 60;
const MENTIONS_RECORDING = new RegExp(`['"](?:${RECORDING_LIBRARIES.flatMap((l) => l.modules).map((m) => m.replace(/[/.@-]/g, (c) => `\\${c}`)).join('|')})(?:/[^'"]*)?['"]`);

export function shortText(node: ts.Node, sf: ts.SourceFile): string {
  const t = node.getText(sf).replace(/\s+/g, ' ');
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT - 1)}…` : t;
}

export class Recorders {
  private readonly facadeMemo = new Map<string, boolean>();
  private readonly fnMemo = new Map<ts.Node, Recording | null>();
  private readonly scrapeMemo = new Map<ts.Node, boolean>();
  /** Each function's calls, walked once: a handler is asked whether it records and whether it scrapes. */
  private readonly callsMemo = new Map<ts.Node, ts.CallExpression[]>();
  /** Per event name, the recording a listener of it makes somewhere in the service (emitRecords). */
  private readonly eventMemo = new Map<string, Recording | null>();
  /** Per file, its listener registrations (`bus.on(EVENT, fn)`), by event name. */
  private readonly listenersMemo = new Map<string, Array<{ event: string; fn: FunctionAt }>>();

  private readonly targets: CallTargets;

  constructor(private readonly service: ServiceView) {
    this.targets = callTargetsOf(service);
  }

  /**
   * A workspace module that imports a recording library (a metrics facade, or where metrics are
   * defined), or a barrel passing one on (`export * from './createSummary.js'`: Unleash's util/metrics).
   */
  isFacade(file: string, depth = 0): boolean {
    let v = this.facadeMemo.get(file);
    if (v === undefined) {
      this.facadeMemo.set(file, false); // a cycle of barrels passes nothing on
      const text = this.service.project.readFile(file);
      v = text !== undefined && (MENTIONS_RECORDING.test(text) || (depth < MAX_DEPTH && this.reExportsFacade(file, text, depth)));
      this.facadeMemo.set(file, v);
    }
    return v;
  }

  private reExportsFacade(file: string, text: string, depth: number): boolean {
    for (const m of text.matchAll(RE_EXPORT)) {
      const target = this.service.project.resolver.resolve(file, m[2]);
      if (target && !/[\\/]node_modules[\\/]/.test(target) && this.isFacade(target, depth + 1)) return true;
    }
    return false;
  }

  /** Where the value an expression starts from comes from (`client.register`, `new StatsD()`, `this.counter`, `metrics.getMeter()...`). */
  originOf(parsed: ParsedServiceFile, expr: ts.Expression, depth = 0): Origin | null {
    if (depth > MAX_DEPTH * 3) return null;
    let e = unwrap(expr);
    const calls: ts.CallExpression[] = [];
    for (;;) {
      if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = unwrap(e.expression);
      else if (ts.isCallExpression(e)) {
        const m = requiredModule(e);
        if (m) return this.originOfModule(parsed.file, m);
        calls.push(e);
        e = unwrap(e.expression);
      } else if (ts.isNewExpression(e)) e = unwrap(e.expression);
      // `cache ??= prometheus({...})`, `existing || prometheus()`: the value made on the right.
      else if (ts.isBinaryExpression(e) && FALLBACK_OPERATORS.has(e.operatorToken.kind)) e = unwrap(e.right);
      else break;
    }
    let found: Origin | null = null;
    if (e.kind === ts.SyntaxKind.ThisKeyword) found = this.originOfMember(parsed, expr, depth);
    else if (ts.isIdentifier(e)) {
      const d = resolveName(parsed.scopes, e, e.text);
      found = d ? this.originOfDeclaration(parsed, d, depth) : null;
    }
    // A value made by a helper from what its argument makes: `registerMetric('x', () => meter.createHistogram(...))`.
    for (let i = 0; !found && i < calls.length; i++) {
      for (const arg of calls[i].arguments) {
        const a = unwrap(arg);
        const made = ts.isArrowFunction(a) && !ts.isBlock(a.body) ? a.body : ts.isArrowFunction(a) || ts.isFunctionExpression(a) ? null : a;
        found = made ? this.originOf(parsed, made, depth + 1) : null;
        if (found) break;
      }
    }
    return found;
  }

  private originOfDeclaration(parsed: ParsedServiceFile, d: Declaration, depth: number): Origin | null {
    switch (d.kind) {
      case 'import': {
        // A metrics module's export made by a package's factory (`export const { registerMetrics } = prometheus()`)
        // is that package's, not the module's own facade.
        const module = this.originOfModule(parsed.file, d.module);
        if (module?.kind !== 'facade') return module;
        const exported = this.originOfExport(parsed.file, d.module, d.name, depth);
        return exported?.kind === 'package' ? exported : module;
      }
      case 'value':
        return this.originOf(parsed, d.init, depth + 1) ?? this.originOfType(parsed, (d.node as { type?: ts.TypeNode }).type, depth);
      case 'destructure':
        return this.originOf(parsed, d.from, depth + 1);
      case 'param':
        return this.originOfType(parsed, d.node.type, depth);
      case 'other':
        return this.originOfType(parsed, d.node?.type, depth);
      default:
        return null;
    }
  }

  /** `counter: Counter<string>`, `statsd: StatsD`: the type's name traced to its import. */
  private originOfType(parsed: ParsedServiceFile, type: ts.TypeNode | undefined, depth: number, anchor: ts.Node | undefined = type): Origin | null {
    // `exporter: PrometheusExporter | undefined`: the union's type references (walks do not set
    // parents inside types, so names are looked up from the outermost type node).
    if (type && ts.isUnionTypeNode(type)) {
      for (const t of type.types) {
        const o = this.originOfType(parsed, t, depth, anchor);
        if (o) return o;
      }
      return null;
    }
    if (!type || !ts.isTypeReferenceNode(type)) return null;
    let name: ts.EntityName = type.typeName;
    while (ts.isQualifiedName(name)) name = name.left;
    const d = resolveName(parsed.scopes, anchor ?? type, name.text);
    return d?.kind === 'import' ? this.originOfDeclaration(parsed, d, depth + 1) : null;
  }

  /** `this.counter`: the class member's type, initializer or decorator (`@InjectMetric(...)`), or a constructor parameter property. */
  private originOfMember(parsed: ParsedServiceFile, expr: ts.Expression, depth: number): Origin | null {
    let e = unwrap(expr);
    let access: ts.PropertyAccessExpression | null = null;
    while (ts.isPropertyAccessExpression(e) || ts.isCallExpression(e) || ts.isElementAccessExpression(e)) {
      if (ts.isPropertyAccessExpression(e) && unwrap(e.expression).kind === ts.SyntaxKind.ThisKeyword) access = e;
      e = unwrap(e.expression);
    }
    if (!access) return null;
    const name = access.name.text;
    let cls: ts.Node | undefined = access.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    if (!cls || !ts.isClassLike(cls)) return null;
    for (const member of cls.members) {
      if (ts.isPropertyDeclaration(member) && member.name.getText(parsed.sourceFile) === name) {
        return (member.initializer && this.originOf(parsed, member.initializer, depth + 1)) ?? this.originOfType(parsed, member.type, depth) ?? this.originOfDecorators(parsed, member, depth);
      }
      if (ts.isConstructorDeclaration(member)) {
        for (const p of member.parameters) {
          if (ts.isIdentifier(p.name) && p.name.text === name) return this.originOfType(parsed, p.type, depth) ?? this.originOfDecorators(parsed, p, depth);
        }
      }
    }
    return null;
  }

  private originOfDecorators(parsed: ParsedServiceFile, node: ts.HasDecorators, depth: number): Origin | null {
    for (const dec of ts.getDecorators(node) ?? []) {
      const o = this.originOf(parsed, dec.expression, depth + 1);
      if (o) return o;
    }
    return null;
  }

  /**
   * A project module's exported constant, traced in that module: `export const { printMetrics, registerMetrics } =
   * prometheus({...})` (Karakeep's routes/metrics.ts), or `export const httpMetrics = promBundle({...})`.
   */
  private originOfExport(fromFile: string, module: string, name: string, depth: number): Origin | null {
    const target = depth < MAX_DEPTH * 3 ? this.service.project.resolver.resolve(fromFile, module) : null;
    const parsed = target ? this.service.parsed(target) : null;
    if (!parsed) return null;
    for (const st of parsed.sourceFile.statements) {
      if (!ts.isVariableStatement(st) || !hasModifier(st, ts.SyntaxKind.ExportKeyword)) continue;
      for (const d of st.declarationList.declarations) {
        if (!d.initializer) continue;
        const named = ts.isIdentifier(d.name) ? d.name.text === name : ts.isObjectBindingPattern(d.name) && d.name.elements.some((el) => ts.isIdentifier(el.name) && el.name.text === name);
        if (named) return this.originOf(parsed, d.initializer, depth + 1);
      }
    }
    return null;
  }

  private originOfModule(fromFile: string, module: string): Origin | null {
    if (RECORDING_LIBRARIES.some((l) => l.modules.some((m) => module === m || module.startsWith(`${m}/`)))) return { kind: 'package', module };
    const target = this.service.project.resolver.resolve(fromFile, module);
    // An installed package (resolved into node_modules) is a package, not a workspace module.
    if (target && !/[\\/]node_modules[\\/]/.test(target)) return this.isFacade(target) ? { kind: 'facade', file: target } : null;
    return module.startsWith('.') ? null : { kind: 'package', module };
  }

  /** Whether a call records a metric itself (a recording method on a library value, or a facade call). */
  recordsDirectly(parsed: ParsedServiceFile, call: ts.CallExpression): Recording | null {
    const callee = unwrap(call.expression);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
    const origin = method ? this.originOf(parsed, (callee as ts.PropertyAccessExpression).expression) : ts.isIdentifier(callee) ? this.originOf(parsed, callee) : null;
    if (!origin) return null;
    const at = { call: shortText(call, parsed.sourceFile), file: parsed.file, line: parsed.sourceFile.getLineAndCharacterOfPosition(call.getStart(parsed.sourceFile)).line };
    if (origin.kind === 'package') {
      const lib = RECORDING_LIBRARIES.find((l) => l.modules.some((m) => origin.module === m || origin.module.startsWith(`${m}/`)));
      // An OpenTelemetry span's methods are not metrics: only instruments' add/record are, reached through a meter.
      return lib && method && lib.methods.has(method) ? { library: lib.id, ...at } : null;
    }
    // On a facade, a recording method of any library (`Metrics.increment`, `httpDuration.observe`); its
    // other functions count when following them finds a recording (functionRecords).
    return method && ALL_RECORDING_METHODS.has(method) && !FACADE_NON_RECORDING.has(method) ? { library: `metrics module ${this.relative(origin.file)}`, ...at } : null;
  }

  relative(file: string): string {
    const rel = file.startsWith(this.service.root + '/') ? file.slice(this.service.root.length + 1) : file;
    return rel.split('\\').join('/');
  }

  /** Whether a function records a metric: any call in it that does, directly or through a workspace function it calls. */
  functionRecords(parsed: ParsedServiceFile, fn: ts.Node, depth = 0): Recording | null {
    const memo = this.fnMemo.get(fn);
    if (memo !== undefined) return memo;
    this.fnMemo.set(fn, null); // recursion answers no
    let found: Recording | null = null;
    for (const call of this.callsOf(fn)) {
      found = this.recordsDirectly(parsed, call) ?? this.emitRecords(call);
      if (!found && depth < MAX_DEPTH) {
        const target = this.calledFunction(parsed, call);
        if (target) found = this.functionRecords(target.parsed, target.node, depth + 1);
      }
      if (found) break;
    }
    this.fnMemo.set(fn, found);
    return found;
  }

  /**
   * `eventBus.emit(REQUEST_TIME, { path, method, time })` where a listener of that event elsewhere in
   * the service records a metric (`eventBus.on(events.REQUEST_TIME, (e) => requestDuration.observe(...))`:
   * Unleash's response-time middleware measures every request so). Events are matched by the name
   * they are written with (a string, or the constant's name: `REQUEST_TIME`, `events.REQUEST_TIME`).
   */
  private emitRecords(call: ts.CallExpression): Recording | null {
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'emit' || call.arguments.length === 0) return null;
    const event = eventName(call.arguments[0]);
    if (!event) return null;
    const known = this.eventMemo.get(event);
    if (known !== undefined) return known;
    this.eventMemo.set(event, null); // a listener that emits the same event adds nothing
    let found: Recording | null = null;
    for (const file of this.service.files) {
      const text = this.service.project.readFile(file);
      // A test's listener (asserting the event was emitted) measures nothing in production.
      if (!text || !text.includes(event) || !LISTENS.test(text) || classifyFile(this.service.project, file) !== 'service') continue;
      const parsed = this.service.parsed(file);
      if (!parsed) continue;
      for (const l of this.listenersOf(parsed)) {
        if (l.event === event) found = this.functionRecords(l.fn.parsed, l.fn.node, MAX_DEPTH - 1);
        if (found) break;
      }
      if (found) break;
    }
    this.eventMemo.set(event, found);
    return found;
  }

  private listenersOf(parsed: ParsedServiceFile): Array<{ event: string; fn: FunctionAt }> {
    let list = this.listenersMemo.get(parsed.file);
    if (list) return list;
    list = [];
    for (const call of callsIn(parsed.sourceFile)) {
      const callee = unwrap(call.expression);
      const [first, handler] = call.arguments;
      if (!ts.isPropertyAccessExpression(callee) || !EMITTER_LISTEN_METHODS.has(callee.name.text) || !first || !handler) continue;
      const event = eventName(first);
      const fn = this.functionOf(parsed, handler);
      if (event && fn) list.push({ event, fn });
    }
    this.listenersMemo.set(parsed.file, list);
    return list;
  }

  /** Whether a function renders the metrics exposition (the scrape endpoint), itself or through a function it calls. */
  functionScrapes(parsed: ParsedServiceFile, fn: ts.Node, depth = 0): boolean {
    const memo = this.scrapeMemo.get(fn);
    if (memo !== undefined) return memo;
    this.scrapeMemo.set(fn, false);
    let found = false;
    for (const call of this.callsOf(fn)) {
      const callee = unwrap(call.expression);
      if (ts.isPropertyAccessExpression(callee) && SCRAPE_METHODS.has(callee.name.text) && this.originOf(parsed, callee.expression)) found = true;
      else if (depth < 2) {
        const target = this.calledFunction(parsed, call);
        if (target) found = this.functionScrapes(target.parsed, target.node, depth + 1);
      }
      if (found) break;
    }
    this.scrapeMemo.set(fn, found);
    return found;
  }

  private callsOf(fn: ts.Node): ts.CallExpression[] {
    let calls = this.callsMemo.get(fn);
    if (!calls) this.callsMemo.set(fn, (calls = callsIn(fn)));
    return calls;
  }

  /** The workspace function a call calls, when it can be followed (services/callTargets.ts). */
  calledFunction(parsed: ParsedServiceFile, call: ts.CallExpression): FunctionAt | null {
    return this.targets.calledFunction(parsed, call);
  }

  functionOf(parsed: ParsedServiceFile, expr: ts.Expression): FunctionAt | null {
    return this.targets.functionOf(parsed, expr);
  }

  /** The function node at a place (a handler's or middleware's function). */
  functionAtPlace(place: Place): FunctionAt | null {
    return this.targets.functionAtPlace(place);
  }
}

/** `export * from './x'`, `export { a, b as c } from './x'` at a line's start (bounded runs). */
const RE_EXPORT = /^[ \t]*export\s+(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]{0,2000}\})\s*from\s*(['"])([^'"\n]{1,300})\1/gm;
/** A text test before a file is walked for listeners: one of an emitter's listen methods called. */
const LISTENS = new RegExp(String.raw`\.(?:${[...EMITTER_LISTEN_METHODS].join('|')})\s*\(`);

/** The name an event is written with: a string's text, or a constant's name (`REQUEST_TIME`, `events.REQUEST_TIME`). */
function eventName(expr: ts.Expression): string | null {
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return e.text || null;
  if (ts.isIdentifier(e)) return e.text;
  return ts.isPropertyAccessExpression(e) ? e.name.text : null;
}

/** Every call inside a node (nested functions included: a callback that records on `finish` counts). */
function callsIn(root: ts.Node): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  const stack: ts.Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isCallExpression(n)) out.push(n);
    n.forEachChild((c) => {
      stack.push(c);
    });
  }
  return out.reverse();
}
