// Splits a message built from dynamic values (template literal or `+` concatenation) into its
// constant text and its values, and writes the structured call that replaces it.
import ts from 'typescript';
import { isIdentifierText, printPropertyKey, printStringLiteral } from '../../printCode';
import { unwrap } from '../../scopes';

export type Part = { kind: 'text'; text: string } | { kind: 'value'; expr: ts.Expression };

/** The parts of a template literal or a `+` chain; null when the expression is neither. */
export function messageParts(expr: ts.Expression): Part[] | null {
  const e = unwrap(expr);
  if (ts.isTemplateExpression(e)) return templateParts(e);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    // The left spine, iteratively: generated code chains thousands of `+`.
    const spine: ts.BinaryExpression[] = [];
    let cur: ts.Expression = e;
    while (ts.isBinaryExpression(cur) && cur.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      spine.push(cur);
      cur = unwrap(cur.left);
    }
    spine.reverse();
    // `+` runs left to right: until a string joins in, it adds numbers (`a + b + ' items'` logs the sum).
    let parts: Part[] | null = isText(cur) ? partsOf(cur) : null;
    let pending: ts.Expression = cur;
    for (const node of spine) {
      if (!parts && !isText(node.right)) {
        pending = node;
        continue;
      }
      if (!parts) parts = [{ kind: 'value', expr: pending }];
      parts.push(...partsOf(node.right));
    }
    return parts;
  }
  return null;
}

function isText(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isStringLiteralLike(u) || ts.isTemplateExpression(u);
}

function partsOf(e: ts.Expression): Part[] {
  const u = unwrap(e);
  if (ts.isStringLiteralLike(u)) return [{ kind: 'text', text: u.text }];
  if (ts.isTemplateExpression(u)) return templateParts(u);
  return [{ kind: 'value', expr: e }];
}

function templateParts(t: ts.TemplateExpression): Part[] {
  const parts: Part[] = [{ kind: 'text', text: t.head.text }];
  for (const span of t.templateSpans) {
    parts.push({ kind: 'value', expr: span.expression });
    parts.push({ kind: 'text', text: span.literal.text });
  }
  return parts;
}

/** Unit words that belong to the value before them (`${ms}ms`, `${n} bytes`) and go with it. */
const UNIT = /^(?:ms|s|sec|secs|seconds|min|mins|minutes|ns|us|µs|h|hours|b|bytes|kb|mb|gb|kib|mib|gib|px|%)(?![\w%])/i;
/** A word that only introduces the value after it (`saved in ${ms}`, `shipped with ${carrier}`). */
const DANGLING = /\s+(?:in|of|for|with|to|from|by|at|on|after|as|is|was|=)$/i;

/**
 * The constant message left when the values are taken out: `user ${id} saved in ${ms}ms:` →
 * "user saved". Units glued to a value and words that only introduce a value go with the value.
 */
export function constantMessage(parts: Part[]): string {
  const words: string[] = [];
  parts.forEach((p, i) => {
    if (p.kind !== 'text') return;
    let t = p.text;
    // A possessive or a unit glued to the value goes with it: `${user}'s turn`, `${ms}ms`.
    if (i > 0 && parts[i - 1].kind === 'value') t = t.replace(/^'s\b/, '').replace(/^(\s*)(\S+)/, (m, space: string, word: string) => (UNIT.test(word) ? space : m));
    const beforeValue = i + 1 < parts.length && parts[i + 1].kind === 'value';
    for (let k = 0; k < 3; k++) {
      // Separators and the quotes or brackets that framed a value: `user "${name}" saved`.
      t = t.replace(/[\s:=,(\[{#"'`-]+$/, '').replace(/^[\s)\]},:;.="'`]+/, '');
      if (beforeValue) t = (' ' + t).replace(DANGLING, '').slice(1);
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
  const out: Field[] = [];
  for (const v of values) {
    const name = fieldNameFor(v);
    // A derived name (`user.id` → userId) must still be a name: upper-casing may produce characters that are not.
    const base = name !== null && isIdentifierText(name) ? name : 'value';
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}${n}`;
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
