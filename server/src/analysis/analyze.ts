// analyzeFile: one parse, one walk (explicit stack, no recursion: generated files nest deeply),
// log calls recognised through the logger model and metric definitions and uses through the
// metrics model, each handed to every enabled rule that subscribes to it. Every walk counts its
// steps on a WorkMeter, which stops a file that outruns its time budget.
import ts from './typescriptModule';
import type { RuleId } from '../../../shared/src/rules';
import { codeStyleOf, type CodeStyle } from './codeStyle';
import { findLogger } from './findLogger';
import { classLogReceivers } from './classLogReceivers';
import { formatConfigFor } from './formatConfig';
import { ALL_LEVEL_METHODS } from './libraries';
import { isCandidateCall, recogniseLogCall, toCallSite } from './logCalls';
import { type FunctionLike, functionNamed, mayBeLogHelper } from './logCallables';
import { editsOtherFiles } from './edits';
import { lowerBound } from './lowerBound';
import { fileModuleStyle, lineColumn, parseErrorCount, parseSource } from './parse';
import type { ConfiguredLoggerModule } from './model/facts';
import type { ModuleDependencies } from './model/modules';
import { analysisFactsKey, type ProjectModel, skippedFactsKey } from './project';
import type { FixProposal, LogCall, Rule, RuleContext } from './rule';
import { RULES } from './rules';
import { clearWalkShortcuts, declarationNodeOf, DECLARES, destructuredFrom, enclosingFunction, importOf, isTypeOnly, parameterIndex, recordDeclarations, ScopeMap, unwrap } from './scopes';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_TIME_BUDGET_MS, tooLargeToAnalyse } from './limits';
import { isMetricCandidate, mayHoldMetrics, NO_METRICS, recogniseMetrics } from './metrics';
import { findSuppressions, isSuppressed } from './suppressions';
import type { AnalysisInputs, FileAnalysis, Finding, Fix, RuleSeverities, TestedMessage } from './types';
import { HandlerRequests, requestParamAt } from './handlers/requestParams';
import { serviceContextFor } from './context/service';
import { EMITTER_LISTEN_METHODS } from './context/libraries';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { ValueResolver } from './values';
import { BudgetExceeded, metered, WorkMeter } from './workMeter';
import { callRulesFor } from './ruleWords';
import type { ParsedFiles } from './services/parsedFiles';
import { extractContextFor, mayRegisterHandlers } from './handlers/context';
import { isCandidate as isHandlerCandidate } from './handlers/extract';
import { ASSERTED_BY_TESTS_NOTE, CONSOLE_SPIED_NOTE, messageRuns } from './assertedByTests';

export interface AnalyzeOptions {
  severities: RuleSeverities;
  /** Larger files are generated or data: skipped with a reason. Default 2 MiB. */
  maxFileBytes?: number;
  /** Milliseconds the analysis may take (parse included) before it stops and the file is skipped with the reason. */
  timeBudgetMs?: number;
  /** The `loggerModule` setting of the configuration that applies to the file; default: the model's. */
  loggerModule?: ConfiguredLoggerModule | null;
  /** The `requestIdHeader` setting (lower case); default `x-request-id`. */
  requestIdHeader?: string;
  /** Keeps the file's tree for the service phase of the same pass (see services/parsedFiles.ts). */
  keepTree?: ParsedFiles;
}

export { DEFAULT_MAX_FILE_BYTES, DEFAULT_TIME_BUDGET_MS };

/**
 * Every log call is a call of a level method (`x.info(`, `x['warn'](`, `x[level](`, `log(` after destructuring) or
 * goes through `console`; a file with neither is skipped before parsing. Built from LEVEL_METHODS.
 */
const MAY_HOLD_LOG_CALL = new RegExp(
  String.raw`\bconsole\b|\b(?:${[...ALL_LEVEL_METHODS].join('|')})\s*\(|\[\s*['"\`](?:${[...ALL_LEVEL_METHODS].join('|')})['"\`]\s*\]` +
    // A project's log helper called with the logger first under a method of its own (`logSchema.warning(logger, ...)`,
    // logCallables.ts): only lets the file be parsed; the call is still recognised by following values.
    String.raw`|\.\w+\(\s*[\w$.]*[lL]og(?:ger)?\s*,` +
    // A helper of a class or object named for logging, whatever its method (`LogHelper.success(...)`: logCalls.ts isCandidateCall).
    String.raw`|\b[lL]og(?:ger|[A-Z_$\d][\w$]*)?\s*\.\s*[\w$]+\s*\(` +
    // A level chosen at run time (`logger[logLevel](...)`, `req.log[level](...)`, `logger[config.logLevels.onError](`: logCalls.ts).
    String.raw`|\[\s*[\w$.]*(?:[lL]evel|LEVEL|[lL]vl|LVL|[sS]everity|SEVERITY|[sS]everities)s?(?:\.[\w$]+)?\s*\]\s*(?:\?\.\s*)?\(` +
    // A JavaScript parameter documented as a class (`@param {import('./LibraryScan')} libraryScan`, `@param {LibraryScan} scan`):
    // its class's log helpers may be called under any name (`libraryScan.addLog(LogLevel.DEBUG, ...)`).
    String.raw`|@param\s*\{\s*(?:import\(|[A-Z])`,
);

// Bound once: property reads on the `ts` namespace cost a getter call each, in the hottest loop.
const CALL_EXPRESSION = ts.SyntaxKind.CallExpression;
const NEW_EXPRESSION = ts.SyntaxKind.NewExpression;
const forEachChild = ts.forEachChild;
/** Kinds below this are tokens, identifiers and literals: leaves, with nothing to visit. */
const FIRST_NODE = ts.SyntaxKind.FirstNode;

/**
 * Whether a file's tree is kept for the service phase (AnalyzeOptions.keepTree): it may register
 * routes. A parallel pass analyses these files on the main thread, where the phase runs.
 */
export function keepsTree(project: ProjectModel, absPath: string, text: string): boolean {
  return mayRegisterHandlers(text, extractContextFor(project, absPath));
}

export function analyzeFile(absPath: string, text: string, project: ProjectModel, options: AnalyzeOptions): FileAnalysis {
  const meter = new WorkMeter(performance.now(), options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // A UTF-8 byte is at most 3 UTF-16 units' worth of length: count bytes only when it could matter.
  const size = text.length * 3 > limit ? Buffer.byteLength(text, 'utf8') : text.length;
  if (size > limit) {
    return skipped(absPath, tooLargeToAnalyse(size, limit));
  }
  // No level-method call and no console: the file cannot hold a log call, so it is not parsed at all
  // unless an enabled metric rule wants it (it imports a metrics library, or a module that may export metrics).
  const metricsWanted = RULES.some((r) => (r.checkMetricDefinition || r.checkMetricUse) && options.severities[r.meta.id]) && (mayHoldMetrics(text) || project.metricModules.importsOne(text));
  // Rules that look at every call (checkCall) parse only the files their own text filter accepts.
  const callRules = callRulesFor(options.severities, text);
  const callsWanted = callRules.size > 0;
  // Whether the file is read for metrics depends on other files (a module it imports may come to export
  // metrics): a cached skip holds while the modules that may export metrics are the same.
  if (!metricsWanted && !callsWanted && !MAY_HOLD_LOG_CALL.test(text)) return { path: absPath, findings: [], logCalls: [], parseErrors: 0, inputs: { facts: skippedFactsKey(project), modules: {} } };
  try {
    const result = metered(meter, () => analyzeParsed(absPath, text, project, options, meter, metricsWanted, callRules));
    result.steps = meter.steps;
    return result;
  } catch (err) {
    if (err instanceof BudgetExceeded) {
      const result = skipped(absPath, `${err.message}: the file is too complex to analyse in time, so none of its findings are shown`);
      return { ...result, stopped: { elapsedMs: Math.round(err.elapsedMs), budgetMs: err.budgetMs }, steps: meter.steps };
    }
    const message = err instanceof RangeError ? 'the file nests too deeply to analyse' : `internal error: ${(err as Error)?.message ?? String(err)}`;
    return skipped(absPath, message);
  } finally {
    clearWalkShortcuts();
  }
}

function skipped(path: string, reason: string): FileAnalysis {
  return { path, findings: [], logCalls: [], parseErrors: 0, skipped: reason };
}

/** Keys of `.child({...})` bindings of top-level loggers created in this file, by variable name (computed once per file). */
function childBindingsByName(sf: ts.SourceFile): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      const init = unwrap(d.initializer);
      if (!ts.isCallExpression(init) || !ts.isPropertyAccessExpression(init.expression) || init.expression.name.text !== 'child') continue;
      const arg = init.arguments[0] && unwrap(init.arguments[0]);
      if (arg && ts.isObjectLiteralExpression(arg)) {
        out.set(d.name.text, arg.properties.flatMap((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : [])));
      }
    }
  }
  return out;
}

/** The method names the rules' checkCall asks for (every rule given names them: see Rule.callNames). */
function namesCalled(rules: ReadonlySet<Rule>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const r of rules) for (const n of r.callNames ?? []) out.add(n);
  return out;
}

/** `x.child(...)` → `child`; '' for a call of anything else. */
function methodNameOf(call: ts.CallExpression): string {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
}

function childBindingsOf(call: LogCall, bindings: Map<string, string[]>): string[] {
  const r = unwrap(call.receiver);
  return ts.isIdentifier(r) ? bindings.get(r.text) ?? [] : [];
}

/** Nodes the main walk visits between two counts on the meter (a count per node would show in the hottest loop). */
const NODES_PER_COUNT = 1024;

function analyzeParsed(absPath: string, text: string, project: ProjectModel, options: AnalyzeOptions, meter: WorkMeter, metricsWanted: boolean, callRules: ReadonlySet<Rule>): FileAnalysis {
  // Parsed afresh even when noteFile parsed it too: keeping trees alive between the two costs more in GC than a parse.
  const sf = parseSource(absPath, text);
  meter.check(); // the parse cannot be interrupted, but may have spent the budget
  const parseErrors = parseErrorCount(sf);
  const scopes = new ScopeMap();
  const candidates: ts.CallExpression[] = [];
  const metricCandidates: ts.Node[] | null = metricsWanted ? [] : null;
  // Every call when some rule looks at every call; else only the calls of the method names the rules name.
  const allCalls: Array<ts.CallExpression | ts.NewExpression> | null = [...callRules].some((r) => !r.callNames) ? [] : null;
  const callNames = !allCalls && callRules.size > 0 ? namesCalled(callRules) : null;
  const namedCalls: ts.CallExpression[] = [];
  // Kept only where handler discovery will look (a file that may register routes): a tree kept for
  // nothing is memory the collector walks for the rest of the pass, more than a parse costs. Handler
  // discovery's candidates are collected by this walk, which it need not repeat.
  const keep = options.keepTree && keepsTree(project, absPath, text) ? options.keepTree : null;
  const treeCandidates: ts.Node[] | null = keep ? [] : null;
  // One walk with an explicit stack. The parser is not asked to set parent pointers (a second
  // full walk inside TypeScript); this walk sets them as it goes, before anything reads them.
  const stack: ts.Node[] = [sf];
  let parent: ts.Node = sf;
  const pushChild = (child: ts.Node) => {
    (child as { parent: ts.Node }).parent = parent;
    if (child.kind >= FIRST_NODE) stack.push(child); // a leaf needs its parent, not a visit
  };
  let visited = 0;
  while (stack.length) {
    const node = stack.pop()!;
    if (++visited === NODES_PER_COUNT) {
      meter.step(visited);
      visited = 0;
    }
    parent = node;
    if (isTypeOnly(node.kind)) continue;
    forEachChild(node, pushChild);
    if (DECLARES[node.kind]) recordDeclarations(scopes, node);
    if (node.kind === CALL_EXPRESSION && isCandidateCall(node as ts.CallExpression)) candidates.push(node as ts.CallExpression);
    if (metricCandidates && isMetricCandidate(node)) metricCandidates.push(node);
    if (allCalls && (node.kind === CALL_EXPRESSION || node.kind === NEW_EXPRESSION)) allCalls.push(node as ts.CallExpression | ts.NewExpression);
    else if (callNames && node.kind === CALL_EXPRESSION && callNames.has(methodNameOf(node as ts.CallExpression))) namedCalls.push(node as ts.CallExpression);
    if (treeCandidates && isHandlerCandidate(node)) treeCandidates.push(node);
  }
  meter.step(visited);
  if (keep) keep.keep({ file: absPath, text, sourceFile: sf, scopes, candidates: treeCandidates! });
  const dependencies: ModuleDependencies = {};
  const requests = new HandlerRequests(sf, scopes, project, absPath);
  const links = project.linksFor(absPath, dependencies);
  const values = new ValueResolver(scopes, links, requests);
  const facts = project.factsFor(absPath, options.loggerModule);
  // What the result depends on besides the text: read when the result is returned (fixes may follow imports too).
  const testedMessages: TestedMessage[] = [];
  const inputs = (): AnalysisInputs => ({ facts: analysisFactsKey(project, absPath, facts.digest, role), modules: dependencies, ...(testedMessages.length ? { testedMessages } : {}) });
  const calls: LogCall[] = [];
  for (const c of candidates) {
    meter.step();
    const call = recogniseLogCall(c, values);
    if (call) calls.push(call);
  }
  calls.sort((a, b) => a.node.pos - b.node.pos);

  /** Per function: whether it is a log helper, read from the file's recognised calls (see passesParameterToLogger). */
  const helpers = new Map<FunctionLike, boolean>();
  const bindings = childBindingsByName(sf);
  const logCalls = calls.map((c) => toCallSite(c, sf, childBindingsOf(c, bindings)));
  const rules = RULES.filter((r) => options.severities[r.meta.id]);
  const role = project.roles.roleOf(absPath, text);
  const fileKind = role.role;
  const metrics = metricCandidates?.length ? recogniseMetrics(metricCandidates, scopes, links) : NO_METRICS;
  const nothingToCheck = calls.length === 0 && metrics.definitions.length === 0 && metrics.uses.length === 0 && !allCalls?.length && namedCalls.length === 0;
  if (nothingToCheck || rules.length === 0) return { path: absPath, findings: [], logCalls, parseErrors, inputs: inputs() };

  const lineOf = (offset: number) => sf.getLineAndCharacterOfPosition(offset).line;
  const suppressions = findSuppressions(text, lineOf);
  const moduleStyle = fileModuleStyle(sf) ?? facts.moduleStyle;
  let style: CodeStyle | null = null;
  const codeStyle = () => (style ??= codeStyleOf(formatConfigFor(project, absPath), sf));
  // The service's context knows whether its request logger writes (services without one: the package's dependencies say).
  const requestLogs = () => {
    const service = serviceContextFor(project, absPath);
    return facts.providesRequestLogger && (service ? service.requestLoggerProperty === 'log' && !service.requestLoggerConditional : true);
  };
  const loggerFinder = { sf, text, path: absPath, facts, scopes, values, moduleStyle, boundLoggers: new Map(), codeStyle, requestLogs, classLogReceiver: classLogReceivers(calls, sf) };
  const findings: Finding[] = [];
  let currentRule: RuleId = rules[0].meta.id;
  // The log call being checked: a call of a project's log helper gets no fix (the helper, not the
  // library, decides where its arguments go).
  let currentCall: LogCall | null = null;
  const asserted = new Map<LogCall, boolean>();
  const callAssertedByTests = (call: LogCall): boolean => {
    let known = asserted.get(call);
    if (known === undefined) {
      const runs = messageRuns(call);
      known = runs !== null && project.assertedTextIndex().containsInOrder(runs);
      // Asked whatever the answer: a test written later that asserts the message makes this result stale.
      if (runs !== null) testedMessages.push({ runs, asserted: known });
      asserted.set(call, known);
    }
    return known;
  };
  // The console methods the project's tests spy on and assert in this module: a fix moving such a call fails them.
  const spied = new Set(project.consoleSpiedIn(absPath).split(','));
  const consoleSpied = (call: LogCall): boolean => call.library === 'console' && spied.has(call.method);
  const ctx: RuleContext = {
    path: absPath,
    text,
    sourceFile: sf,
    project: facts,
    fileKind,
    loadedByServer: !!role.loadedByServer,
    moduleStyle,
    libraryFor: (call) => (call.library !== 'console' ? call.library : facts.library ?? 'pino'),
    // A fix never brings a server logger into browser code, nor into server code browser code imports
    // too: the import would break the client bundle.
    findLogger: (at) => {
      const choice = findLogger(loggerFinder, at);
      return choice && (fileKind === 'browser' || role.sharedWithBrowser) && choice.edits.length > 0 ? null : choice;
    },
    declarationOf: (id) => declarationNodeOf(scopes, id),
    functionNamed: (id) => functionNamed(scopes, id),
    importOf: (id) => importOf(scopes, id),
    destructuredFrom: (id) => destructuredFrom(scopes, id),
    errorTextParameter: (callee) => values.errorTextParameter(callee),
    caughtErrorProperty: (callee) => values.caughtErrorProperty(callee),
    isRequestParam: (expr) => values.isRequestParam(expr),
    isRequestInput: (expr) => values.isRequestInput(expr),
    isLogger: (expr) => values.valueOf(expr)?.t === 'logger',
    loggerLibraryOf: (expr) => {
      const v = values.valueOf(expr);
      return v?.t === 'logger' ? v.lib : null;
    },
    requestParamAt: (at) => requestParamAt(requests, at),
    insideLogHelper: (at) => {
      const fn = enclosingFunction(at);
      if (!fn) return false;
      let known = helpers.get(fn);
      if (known === undefined) helpers.set(fn, (known = mayBeLogHelper(fn) && passesParameterToLogger(fn, calls, scopes)));
      return known;
    },
    returnsContextLogger: (call) => {
      const v = values.valueOf(call.expression);
      return v?.t === 'function' && !!v.fn.returnsContextLogger;
    },
    serviceContext: () => serviceContextFor(project, absPath),
    requestIdHeader: options.requestIdHeader ?? DEFAULT_SETTINGS.requestIdHeader,
    metrics,
    codeStyle,
    report(at, message, proposals = []) {
      const start = 'kind' in at ? (at as ts.Node).getStart(sf) : at.start;
      const end = 'kind' in at ? (at as ts.Node).end : at.end;
      if (!(start >= 0 && end >= start && end <= text.length)) return; // a rule bug: nothing sensible to show
      const s = lineColumn(sf, start);
      if (isSuppressed(suppressions, currentRule, s.line)) return;
      const e = lineColumn(sf, end);
      let fixes: Fix[] = currentCall?.wrapper ? [] : toFixes(proposals);
      // A fix of a call whose message the project's tests assert would fail them: offered, not applied.
      if (currentCall && fixes.some((f) => f.safe)) {
        const note = consoleSpied(currentCall) ? CONSOLE_SPIED_NOTE : callAssertedByTests(currentCall) ? ASSERTED_BY_TESTS_NOTE : null;
        if (note) fixes = fixes.map((f) => (f.safe ? { ...f, safe: false, title: `${f.title}${note}` } : f));
      }
      findings.push({
        rule: currentRule,
        message,
        severity: options.severities[currentRule]!,
        start,
        end,
        line: s.line,
        column: s.column,
        endLine: e.line,
        endColumn: e.column,
        fixes,
      });
    },
  };
  const ruleErrors: NonNullable<FileAnalysis['ruleErrors']> = [];
  const run = <T>(items: readonly T[], check: (rule: Rule) => ((item: T, ctx: RuleContext) => void) | undefined) => {
    for (const item of items) {
      for (const rule of rules) {
        const fn = check(rule);
        if (!fn) continue;
        currentRule = rule.meta.id;
        meter.step();
        try {
          fn.call(rule, item, ctx);
        } catch (err) {
          if (err instanceof BudgetExceeded) throw err;
          // One rule failing on one call or metric must not cost the file its other findings; the
          // failure is part of the result (the rule tests fail on it, the CLI and server say it).
          ruleErrors.push({ rule: rule.meta.id, message: (err as Error)?.message ?? String(err) });
        }
      }
    }
  };
  for (const call of calls) {
    currentCall = call;
    run([call], (r) => r.checkLogCall);
  }
  currentCall = null;
  run(metrics.definitions, (r) => r.checkMetricDefinition);
  run(metrics.uses, (r) => r.checkMetricUse);
  if (allCalls || namedCalls.length) {
    // Each rule's text filter is asked once per file, not once per call.
    run((allCalls ?? namedCalls).sort((a, b) => a.pos - b.pos), (r) => (callRules.has(r) ? r.checkCall : undefined));
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : 1));
  return { path: absPath, findings, logCalls, parseErrors, inputs: inputs(), ...(ruleErrors.length ? { ruleErrors } : {}) };
}

/**
 * Proposals as fixes, safe ones first. Whether a fix leaves code that parses is checked where a fix is
 * applied (fixValidation.ts): re-parsing the file for every finding here would cost more than the analysis.
 */
function toFixes(proposals: FixProposal[]): Fix[] {
  return proposals
    .filter((p) => p.edits.length > 0)
    .map((p): Fix => ({ title: p.title, edits: p.edits, safe: p.safe && !editsOtherFiles(p.edits), kind: 'fix' }))
    .sort((a, b) => Number(b.safe) - Number(a.safe));
}

/**
 * Whether `fn` passes one of its parameters on to a (non-console) logger as the message: what its
 * summary's `logs` says (logCallables.ts), read from the log calls this analysis already recognised
 * instead of walking and resolving the function's body again.
 */
function passesParameterToLogger(fn: FunctionLike, calls: readonly LogCall[], scopes: ScopeMap): boolean {
  // A callback (`process.on('uncaughtException', (err) => { logger.error(err); console.error(err); })`,
  // `.catch((e) => ...)`) is handed its arguments by what calls it back, not a caller's message to log:
  // no helper, and its console output is console output.
  if (isRegisteredCallback(fn)) return false;
  const body = fn.body!;
  // `calls` is sorted by position: the first call in the body, then on while inside it (a helper's body is small).
  for (let i = lowerBound(calls.length, (k) => calls[k].node.pos < body.pos); i < calls.length && calls[i].node.pos < body.end; i++) {
    const c = calls[i];
    if (c.library !== 'console' && c.node.end <= body.end && enclosingFunction(c.node) === fn && parameterIndex(c.messageArg, fn, scopes) >= 0) return true;
  }
  return false;
}

/** Methods that register a callback the emitter or the promise calls (not a wrapper that returns a helper, `debounce(fn)`). */
const CALLBACK_REGISTRATIONS: ReadonlySet<string> = new Set([...EMITTER_LISTEN_METHODS, 'then', 'catch', 'finally']);

/** A function handed to `x.on(event, fn)`, `promise.catch(fn)` and the like. */
function isRegisteredCallback(fn: FunctionLike): boolean {
  let call: ts.Node | undefined = fn.parent;
  while (call && ts.isParenthesizedExpression(call)) call = call.parent;
  if (!call || !ts.isCallExpression(call)) return false;
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) && CALLBACK_REGISTRATIONS.has(callee.name.text);
}
