// eslint-disable-style suppression comments:
//   // obs-lens-disable-next-line rule-a, rule-b   (no list: every rule) for the next line
//   /* obs-lens-disable rule-a */                   for the whole file
// and the quick-fixes that insert them.
import ts from './typescriptModule';
import { isRuleId, type RuleId } from '../../../shared/src/rules';
import { parseSource } from './parse';
import type { Fix } from './types';

export interface Suppressions {
  /** 0-based line → the rules suppressed on it (null: all). */
  lines: Map<number, Set<RuleId> | null>;
  /** Rules suppressed for the file (null: all). */
  file: Set<RuleId> | null | undefined;
}

const NONE: Suppressions = { lines: new Map(), file: undefined };
// Also `{/* obs-lens-disable-next-line rule */}`, the form used inside JSX children.
const NEXT_LINE = /(?:\/\/|\/\*)[ \t]*obs-lens-disable-next-line\b((?:(?!\*\/)[^\r\n])*)/g;
const FILE = /\/\*[ \t]*obs-lens-disable(?![\w-])((?:[^*]|\*(?!\/))*)\*\//g;

function ruleList(text: string): Set<RuleId> | null {
  const ids = text.split(/[\s,]+/).filter(isRuleId);
  return ids.length ? new Set(ids) : text.trim() === '' ? null : new Set();
}

function merge(a: Set<RuleId> | null | undefined, b: Set<RuleId> | null): Set<RuleId> | null {
  if (a === null || b === null) return null;
  return new Set([...(a ?? []), ...b]);
}

export function findSuppressions(text: string, lineOf: (offset: number) => number): Suppressions {
  if (!text.includes('obs-lens-disable')) return NONE;
  const result: Suppressions = { lines: new Map(), file: undefined };
  for (const m of text.matchAll(NEXT_LINE)) {
    const line = lineOf(m.index!) + 1;
    result.lines.set(line, merge(result.lines.get(line), ruleList(m[1].replace(/--.*$/, ''))));
  }
  for (const m of text.matchAll(FILE)) result.file = merge(result.file, ruleList(m[1].replace(/--.*$/, '')));
  return result;
}

export function isSuppressed(s: Suppressions, rule: RuleId, line: number): boolean {
  if (s.file === null || s.file?.has(rule)) return true;
  if (!s.lines.has(line)) return false;
  const rules = s.lines.get(line);
  return rules === null || !!rules?.has(rule);
}

function lineStart(text: string, offset: number): number {
  const nl = text.lastIndexOf('\n', offset - 1);
  return nl + 1;
}

export function eolOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** "Disable <rule> for this line" and "... for the entire file". */
/**
 * The suppression fixes for findings in one text, made on request (a quick-fix menu) rather than
 * for every finding during analysis; the text is parsed once, on first use.
 */
export function suppressionFixesOf(path: string, text: string): (finding: { rule: RuleId; start: number }) => Fix[] {
  let sf: ts.SourceFile | undefined;
  return (finding) => suppressionFixes(text, finding.rule, finding.start, (sf ??= parseSource(path, text)));
}

/** "Disable <rule> for this line" (or extend the comment above) and "... for the entire file". */
export function suppressionFixes(text: string, rule: RuleId, start: number, sf?: ts.SourceFile): Fix[] {
  const eol = eolOf(text);
  const ls = lineStart(text, start);
  const indent = /^[ \t]*/.exec(text.slice(ls, ls + 200))![0];
  const fixes: Fix[] = [];
  // Extend a disable-next-line comment right above instead of stacking a second one (which would cover only the first).
  const prevStart = ls > 0 ? lineStart(text, ls - 1) : -1;
  const prevLine = prevStart >= 0 ? text.slice(prevStart, ls).replace(/\r?\n$/, '') : '';
  const prev = /^([ \t]*\/\/[ \t]*obs-lens-disable-next-line\b)(.*)$/.exec(prevLine);
  if (prev && prev[2].trim() !== '') {
    const end = prevStart + prevLine.length;
    fixes.push({ title: `Disable ${rule} for this line`, edits: [{ start: end, end, newText: `, ${rule}` }], safe: false, kind: 'suppress' });
  } else if (!prev) {
    const where = sf ? lineStartContext(sf, ls) : 'code';
    // A line that starts inside a multi-line string or template has no place for a comment; in JSX
    // children a `//` line would render as text, so the comment goes in braces there.
    if (where !== 'literal') {
      const comment = where === 'jsx' ? `{/* obs-lens-disable-next-line ${rule} */}` : `// obs-lens-disable-next-line ${rule}`;
      fixes.push({ title: `Disable ${rule} for this line`, edits: [{ start: ls, end: ls, newText: `${indent}${comment}${eol}` }], safe: false, kind: 'suppress' });
    }
  }
  let top = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith('#!', top)) {
    const nl = text.indexOf('\n', top);
    top = nl < 0 ? text.length : nl + 1;
  }
  const prefix = top === text.length && top > 0 && !text.endsWith('\n') ? eol : '';
  fixes.push({ title: `Disable ${rule} for the entire file`, edits: [{ start: top, end: top, newText: `${prefix}/* obs-lens-disable ${rule} */${eol}` }], safe: false, kind: 'suppress' });
  return fixes;
}

/** What a line start sits in: a string/template token, JSX children, or code. Iterative: files nest deeply. */
function lineStartContext(sf: ts.SourceFile, pos: number): 'literal' | 'jsx' | 'code' {
  let node: ts.Node = sf;
  for (;;) {
    let next: ts.Node | undefined;
    ts.forEachChild(node, (child) => {
      if (!next && child.pos <= pos && pos < child.end) next = child;
    });
    if (!next) break;
    node = next;
    if (node.kind === ts.SyntaxKind.JsxText) return 'jsx';
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) return node.getStart(sf) < pos ? 'literal' : 'code';
  }
  return ts.isJsxElement(node) || ts.isJsxFragment(node) ? 'jsx' : 'code';
}
