// analyzeFile: one parse, one walk (explicit stack, no recursion: generated files nest deeply),
// log calls recognised through the logger model, each handed to every enabled rule.
import ts from 'typescript';
import type { RuleId } from '../../../shared/src/rules';
import { codeStyleOf, type CodeStyle } from './codeStyle';
import { findLogger } from './findLogger';
import { formatConfigFor } from './formatConfig';
import { ALL_LEVEL_METHODS } from './libraries';
import { isCandidateCall, recogniseLogCall, toCallSite } from './logCalls';
import { fileModuleStyle, lineColumn, parseErrorCount, parseSource } from './parse';
import { classifyFile, type ProjectModel } from './project';
import type { FixProposal, LogCall, RuleContext } from './rule';
import { RULES } from './rules';
import { declarationNodeOf, DECLARES, importOf, recordDeclarations, type ScopeMap, unwrap } from './scopes';
import { DEFAULT_MAX_FILE_BYTES } from './limits';
import { findSuppressions, isSuppressed } from './suppressions';
import type { FileAnalysis, Finding, Fix, RuleSeverities } from './types';
import { ValueResolver } from './values';

export interface AnalyzeOptions {
  severities: RuleSeverities;
  /** Larger files are generated or data: skipped with a reason. Default 2 MiB. */
  maxFileBytes?: number;
}

export { DEFAULT_MAX_FILE_BYTES };

/**
 * Every log call is a call of a level method (`x.info(`, `x['warn'](`, `log(` after destructuring) or
 * goes through `console`; a file with neither is skipped before parsing. Built from LEVEL_METHODS.
 */
const MAY_HOLD_LOG_CALL = new RegExp(String.raw`\bconsole\b|\b(?:${[...ALL_LEVEL_METHODS].join('|')})\s*\(|\[\s*['"\`](?:${[...ALL_LEVEL_METHODS].join('|')})['"\`]\s*\]`);

// Bound once: property reads on the `ts` namespace cost a getter call each, in the hottest loop.
const CALL_EXPRESSION = ts.SyntaxKind.CallExpression;
const forEachChild = ts.forEachChild;
const FIRST_TYPE_NODE = ts.SyntaxKind.FirstTypeNode;
const LAST_TYPE_NODE = ts.SyntaxKind.LastTypeNode;
const INTERFACE = ts.SyntaxKind.InterfaceDeclaration;
const TYPE_ALIAS = ts.SyntaxKind.TypeAliasDeclaration;
/** Kinds below this are tokens, identifiers and literals: leaves, with nothing to visit. */
const FIRST_NODE = ts.SyntaxKind.FirstNode;

/** Types hold no calls and no runtime bindings: the walk does not descend into them. */
export function isTypeOnly(kind: ts.SyntaxKind): boolean {
  return (kind >= FIRST_TYPE_NODE && kind <= LAST_TYPE_NODE) || kind === INTERFACE || kind === TYPE_ALIAS;
}

export function analyzeFile(absPath: string, text: string, project: ProjectModel, options: AnalyzeOptions): FileAnalysis {
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // A UTF-8 byte is at most 3 UTF-16 units' worth of length: count bytes only when it could matter.
  const size = text.length * 3 > limit ? Buffer.byteLength(text, 'utf8') : text.length;
  if (size > limit) {
    return skipped(absPath, `file is ${formatMb(size)}, over the ${formatMb(limit)} analysis limit (generated or bundled code is not analysed)`);
  }
  // No level-method call and no console: the file cannot hold a log call, so it is not parsed at all.
  if (!MAY_HOLD_LOG_CALL.test(text)) return { path: absPath, findings: [], logCalls: [], parseErrors: 0 };
  try {
    return analyzeParsed(absPath, text, project, options);
  } catch (err) {
    const message = err instanceof RangeError ? 'the file nests too deeply to analyse' : `internal error: ${(err as Error)?.message ?? String(err)}`;
    return skipped(absPath, message);
  }
}

function skipped(path: string, reason: string): FileAnalysis {
  return { path, findings: [], logCalls: [], parseErrors: 0, skipped: reason };
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
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

function childBindingsOf(call: LogCall, bindings: Map<string, string[]>): string[] {
  const r = unwrap(call.receiver);
  return ts.isIdentifier(r) ? bindings.get(r.text) ?? [] : [];
}

function analyzeParsed(absPath: string, text: string, project: ProjectModel, options: AnalyzeOptions): FileAnalysis {
  // Parsed afresh even when noteFile parsed it too: keeping trees alive between the two costs more in GC than a parse.
  const sf = parseSource(absPath, text);
  const parseErrors = parseErrorCount(sf);
  const scopes: ScopeMap = new Map();
  const candidates: ts.CallExpression[] = [];
  // One walk with an explicit stack. The parser is not asked to set parent pointers (a second
  // full walk inside TypeScript); this walk sets them as it goes, before anything reads them.
  const stack: ts.Node[] = [sf];
  let parent: ts.Node = sf;
  const pushChild = (child: ts.Node) => {
    (child as { parent: ts.Node }).parent = parent;
    if (child.kind >= FIRST_NODE) stack.push(child); // a leaf needs its parent, not a visit
  };
  while (stack.length) {
    const node = stack.pop()!;
    parent = node;
    if (isTypeOnly(node.kind)) continue;
    forEachChild(node, pushChild);
    if (DECLARES[node.kind]) recordDeclarations(scopes, node);
    if (node.kind === CALL_EXPRESSION && isCandidateCall(node as ts.CallExpression)) candidates.push(node as ts.CallExpression);
  }
  const values = new ValueResolver(scopes, project, absPath);
  const calls: LogCall[] = [];
  for (const c of candidates) {
    const call = recogniseLogCall(c, values);
    if (call) calls.push(call);
  }
  calls.sort((a, b) => a.node.pos - b.node.pos);

  const bindings = childBindingsByName(sf);
  const logCalls = calls.map((c) => toCallSite(c, sf, childBindingsOf(c, bindings)));
  const rules = RULES.filter((r) => options.severities[r.meta.id]);
  if (calls.length === 0 || rules.length === 0) return { path: absPath, findings: [], logCalls, parseErrors };

  const lineOf = (offset: number) => sf.getLineAndCharacterOfPosition(offset).line;
  const suppressions = findSuppressions(text, lineOf);
  const fileKind = classifyFile(project, absPath, text);
  const moduleStyle = fileModuleStyle(sf) ?? project.moduleStyleFor(absPath);
  let style: CodeStyle | null = null;
  const codeStyle = () => (style ??= codeStyleOf(formatConfigFor(project, absPath), sf));
  const loggerFinder = { sf, text, path: absPath, project, scopes, values, moduleStyle, boundLoggers: new Map(), codeStyle };
  const findings: Finding[] = [];
  let currentRule: RuleId = rules[0].meta.id;
  const ctx: RuleContext = {
    path: absPath,
    text,
    sourceFile: sf,
    project,
    fileKind,
    moduleStyle,
    libraryFor: (call) => (call.library !== 'console' ? call.library : project.libraryFor(absPath) ?? 'pino'),
    findLogger: (at) => findLogger(loggerFinder, at),
    declarationOf: (id) => declarationNodeOf(scopes, id),
    importOf: (id) => importOf(scopes, id),
    isRequestParam: (expr) => values.isRequestParam(expr),
    codeStyle,
    report(at, message, proposals = []) {
      const start = 'kind' in at ? (at as ts.Node).getStart(sf) : at.start;
      const end = 'kind' in at ? (at as ts.Node).end : at.end;
      if (!(start >= 0 && end >= start && end <= text.length)) return; // a rule bug: nothing sensible to show
      const s = lineColumn(sf, start);
      if (isSuppressed(suppressions, currentRule, s.line)) return;
      const e = lineColumn(sf, end);
      const fixes: Fix[] = toFixes(proposals);
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
  for (const call of calls) {
    for (const rule of rules) {
      currentRule = rule.meta.id;
      try {
        rule.checkLogCall(call, ctx);
      } catch {
        // One rule failing on one call must not cost the file its other findings.
      }
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : 1));
  return { path: absPath, findings, logCalls, parseErrors };
}

/**
 * Proposals as fixes, safe ones first. Whether a fix leaves code that parses is checked where a fix is
 * applied (fixValidation.ts): re-parsing the file for every finding here would cost more than the analysis.
 */
function toFixes(proposals: FixProposal[]): Fix[] {
  return proposals
    .filter((p) => p.edits.length > 0)
    .map((p): Fix => ({ title: p.title, edits: p.edits, safe: p.safe, kind: 'fix' }))
    .sort((a, b) => Number(b.safe) - Number(a.safe));
}
