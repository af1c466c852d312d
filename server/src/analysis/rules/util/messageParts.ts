// Splits a message built from dynamic values (template literal or `+` concatenation) into its
// constant text and its values, and writes the structured call that replaces it.
import ts from 'typescript';
import { isIdentifierText, printPropertyKey, printStringLiteral } from '../../printCode';
import { unwrap } from '../../scopes';
import { workMeter } from '../../workMeter';

export type Part = { kind: 'text'; text: string } | { kind: 'value'; expr: ts.Expression };

/**
 * The last `+` chain split, and its parts: several rules ask about the same message of a call in a
 * row, and a generated chain holds 20,000 terms. Node identity keys it (a new analysis has new nodes).
 */
let lastChain: { expr: ts.Expression; parts: readonly Part[] | null } | null = null;

/** The parts of a template literal or a `+` chain; null when the expression is neither. Shared: do not change it. */
export function messageParts(expr: ts.Expression): readonly Part[] | null {
  const e = unwrap(expr);
  if (ts.isTemplateExpression(e)) return templateParts(e);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    if (lastChain?.expr !== e) lastChain = { expr: e, parts: chainParts(e) };
    return lastChain.parts;
  }
  return null;
}

function chainParts(e: ts.BinaryExpression): Part[] | null {
  // The left spine, iteratively: generated code chains thousands of `+`.
  const spine: ts.BinaryExpression[] = [];
  let cur: ts.Expression = e;
  while (ts.isBinaryExpression(cur) && cur.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    spine.push(cur);
    cur = unwrap(cur.left);
  }
  spine.reverse();
  workMeter().step(spine.length);
  // `+` runs left to right: until a string joins in, it adds numbers (`a + b + ' items'` logs the sum).
  let parts: Part[] | null = null;
  if (isText(cur)) pushParts((parts = []), cur);
  let pending: ts.Expression = cur;
  for (const node of spine) {
    if (!parts && !isText(node.right)) {
      pending = node;
      continue;
    }
    if (!parts) parts = [{ kind: 'value', expr: pending }];
    pushParts(parts, node.right);
  }
  return parts;
}

function isText(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isStringLiteralLike(u) || ts.isTemplateExpression(u);
}

function pushParts(parts: Part[], e: ts.Expression): void {
  const u = unwrap(e);
  if (ts.isStringLiteralLike(u)) parts.push({ kind: 'text', text: u.text });
  else if (ts.isTemplateExpression(u)) pushTemplateParts(parts, u);
  else parts.push({ kind: 'value', expr: e });
}

function templateParts(t: ts.TemplateExpression): Part[] {
  const parts: Part[] = [];
  pushTemplateParts(parts, t);
  return parts;
}

function pushTemplateParts(parts: Part[], t: ts.TemplateExpression): void {
  parts.push({ kind: 'text', text: t.head.text });
  for (const span of t.templateSpans) {
    parts.push({ kind: 'value', expr: span.expression });
    parts.push({ kind: 'text', text: span.literal.text });
  }
}

/** Unit words that belong to the value before them (`${ms}ms`, `${n} bytes`) and go with it. */
const UNIT = /^(?:ms|s|sec|secs|seconds|min|mins|minutes|ns|us|µs|h|hours|b|bytes|kb|mb|gb|kib|mib|gib|px|%)(?![\w%])/i;
/** A word that only introduces the value after it (`saved in ${ms}`, `shipped with ${carrier}`), at the end of a text. */
const DANGLING_WORD = /(?:in|of|for|with|to|from|by|at|on|after|as|is|was|=)$/i;
/** One character of the separators, quotes and brackets that frame a value, after text or before it. */
const FRAME_BEFORE_VALUE = /[\s:=,(\[{#"'`-]/;
const FRAME_AFTER_VALUE = /[\s)\]},:;.="'`]/;
const SPACE = /\s/;

// The trims below scan characters instead of matching `[...]+$` or `\s+word$`: on a string literal
// with a long run of spaces those patterns backtrack in quadratic time.
function trimEndWhile(t: string, char: RegExp): string {
  let end = t.length;
  while (end > 0 && char.test(t[end - 1])) end--;
  return end === t.length ? t : t.slice(0, end);
}

function trimStartWhile(t: string, char: RegExp): string {
  let start = 0;
  while (start < t.length && char.test(t[start])) start++;
  return start === 0 ? t : t.slice(start);
}

/** Drops a dangling word (and the spaces before it) that stands alone at the end of `t`. */
function dropDanglingWord(t: string): string {
  const word = DANGLING_WORD.exec(t);
  if (!word) return t;
  const before = trimEndWhile(t.slice(0, word.index), SPACE);
  // Not a word of its own when a letter runs into it: `main`, `plan`, `a=`.
  return word.index > 0 && before.length === word.index ? t : before;
}

/**
 * The constant message left when the values are taken out: `user ${id} saved in ${ms}ms:` →
 * "user saved". Units glued to a value and words that only introduce a value go with the value.
 */
export function constantMessage(parts: readonly Part[]): string {
  const words: string[] = [];
  parts.forEach((p, i) => {
    if (p.kind !== 'text') return;
    let t = p.text;
    // A possessive or a unit glued to the value goes with it: `${user}'s turn`, `${ms}ms`.
    if (i > 0 && parts[i - 1].kind === 'value') t = t.replace(/^'s\b/, '').replace(/^(\s*)(\S+)/, (m, space: string, word: string) => (UNIT.test(word) ? space : m));
    const beforeValue = i + 1 < parts.length && parts[i + 1].kind === 'value';
    for (let k = 0; k < 3; k++) {
      // Separators and the quotes or brackets that framed a value: `user "${name}" saved`.
      const before = t;
      t = trimStartWhile(trimEndWhile(t, FRAME_BEFORE_VALUE), FRAME_AFTER_VALUE);
      if (beforeValue) t = dropDanglingWord(t);
      if (t === before) break;
    }
    t = t.replace(/\s+/g, ' ').trim();
    // Only separators between two values (`${a}/${b}`): nothing to say.
    if (t && /[\p{L}\p{N}]/u.test(t)) words.push(t);
  });
  return balanced(words.join(' ')).replace(/\s+/g, ' ').trim();
}

/** Drops brackets left without their pair once values are taken out: `Order (${n} items) placed`. */
function balanced(text: string): string {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const open: number[] = [];
  const drop = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') open.push(i);
    else if (pairs[c]) {
      const j = open.length ? open[open.length - 1] : -1;
      if (j >= 0 && text[j] === pairs[c]) open.pop();
      else drop.add(i);
    }
  }
  for (const j of open) drop.add(j);
  return drop.size ? text.split('').filter((_, i) => !drop.has(i)).join('') : text;
}

/** A field name for a logged value: `id` → id, `user.id` → userId, `this.count` → count, else null. */
export function fieldNameFor(expr: ts.Expression): string | null {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name)) {
    const last = e.name.text;
    const obj = unwrap(e.expression);
    if (obj.kind === ts.SyntaxKind.ThisKeyword) return last;
    if (ts.isIdentifier(obj)) return obj.text + last[0].toUpperCase() + last.slice(1);
    if (ts.isPropertyAccessExpression(obj)) return obj.name.text + last[0].toUpperCase() + last.slice(1);
    return last;
  }
  return null;
}

export interface Field {
  key: string;
  /** The value's source text; equal to key for shorthand. */
  valueText: string;
}

/** Fields for values, with unique keys that avoid `taken` (keys already in the call's fields object). */
export function fieldsFor(values: ts.Expression[], sf: ts.SourceFile, taken: Set<string>): Field[] {
  const used = new Set(taken);
  // The next number to try per name: 20,000 values named `x` must not each count up from 2.
  const nextNumber = new Map<string, number>();
  const out: Field[] = [];
  for (const v of values) {
    const name = fieldNameFor(v);
    // A derived name (`user.id` → userId) must still be a name: upper-casing may produce characters that are not.
    const base = name !== null && isIdentifierText(name) ? name : 'value';
    let key = base;
    if (used.has(key)) {
      let n = nextNumber.get(base) ?? 2;
      do {
        key = `${base}${n++}`;
        workMeter().step();
      } while (used.has(key));
      nextNumber.set(base, n);
    }
    used.add(key);
    out.push({ key, valueText: v.getText(sf) });
  }
  return out;
}

/** `key` (shorthand) or `key: value`; a key that is not an identifier is written quoted, never bare. */
export function fieldText(f: Field): string {
  // Shorthand only for a value that is that very name (it parsed as one where it stands).
  if (f.key === f.valueText && isIdentifierText(f.key)) return f.key;
  return `${printPropertyKey(f.key, 'single')}: ${f.valueText}`;
}

/** The file's quote preference, for the last file asked about (counting quotes in a large file per fix would be quadratic). */
let quoteCache: { text: string; double: boolean } | null = null;

function prefersDouble(fileText: string): boolean {
  if (quoteCache?.text === fileText) return quoteCache.double;
  let singles = 0;
  let doubles = 0;
  for (let i = 0; i < fileText.length; i++) {
    const c = fileText.charCodeAt(i);
    if (c === 39) singles++;
    else if (c === 34) doubles++;
  }
  quoteCache = { text: fileText, double: doubles > singles };
  return quoteCache.double;
}

/** Quote a message as the file quotes strings (single quotes unless the file prefers double), escaped by the printer. */
export function quote(message: string, fileText: string): string {
  return printStringLiteral(message, prefersDouble(fileText) ? 'double' : 'single');
}

/** Keys of an object literal (identifiers and string keys). */
export function objectKeys(obj: ts.ObjectLiteralExpression): Set<string> {
  const keys = new Set<string>();
  for (const p of obj.properties) {
    if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) keys.add(p.name.text);
  }
  return keys;
}
