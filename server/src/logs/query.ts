// The filter language of the panel and `obs-lens tail`:
//   level>=warn  level=error  req:abc123  res.statusCode=500  user.id!=42  msg~timeout  durationMs>250
//   free text (case-insensitive)  "quoted phrase"  -term  NOT term  a OR b  (a OR b) c
// Terms separated by spaces must all hold; OR binds weaker than that. Problems are returned with
// their position, never thrown, and the query keeps every part that made sense.
import { accessValue, fieldAccessor, type FieldAccessor } from './fields';
import { LEVEL_NAMES, toLevel, toNumber } from './normalize';
import { parsePath } from './paths';
import { LEVEL_VALUES, type LevelName, type LogRecord } from './types';
import { compileUserPattern, PatternError, type LinePattern } from './userPattern';

export interface QueryError {
  message: string;
  /** 0-based offset into the query text. */
  offset: number;
  length: number;
}

type Op = '=' | '!=' | '>' | '<' | '>=' | '<=';
export type QueryNode =
  | { t: 'all' }
  | { t: 'and'; items: QueryNode[] }
  | { t: 'or'; items: QueryNode[] }
  | { t: 'not'; item: QueryNode }
  | { t: 'level'; op: Op; value: number }
  | { t: 'req'; id: string }
  | { t: 'field'; op: Op; field: FieldAccessor; value: string; num: number | null; time: number | null }
  | { t: 'regex'; field: FieldAccessor; re: LinePattern }
  | { t: 'text'; re: RegExp };

export interface CompiledQuery {
  text: string;
  root: QueryNode;
  /** What the store's indexes can narrow on: every match has this request ID / one of these levels. */
  requestId: string | null;
  levels: LevelName[] | null;
  /** It reads only what the store's columns hold (levels, request, time): a kept line need not be read to test it. */
  indexedOnly: boolean;
}

interface Token {
  kind: 'word' | 'phrase' | 'lparen' | 'rparen';
  text: string;
  offset: number;
  length: number;
}

/** Longest query taken: each term becomes a pattern, and V8 refuses (when first used) patterns past ~32K characters. */
const MAX_QUERY_CHARS = 10_000;

export function compileQuery(text: string): { query: CompiledQuery; errors: QueryError[] } {
  const errors: QueryError[] = [];
  const tooLong = text.length > MAX_QUERY_CHARS;
  if (tooLong) errors.push({ message: `The query is too long (${text.length} characters; at most ${MAX_QUERY_CHARS})`, offset: MAX_QUERY_CHARS, length: text.length - MAX_QUERY_CHARS });
  const tokens = tokenize(tooLong ? '' : text, errors);
  const parser = new Parser(tokens, errors);
  const root = parser.parseAll();
  const query: CompiledQuery = { text, root, requestId: null, levels: null, indexedOnly: false };
  plan(query);
  return { query, errors };
}

/** `q` narrowed to one request (the CLI's --request): both must hold; the store's request index then answers it. */
export function narrowToRequest(q: CompiledQuery | null, requestId: string): CompiledQuery {
  const req: QueryNode = { t: 'req', id: requestId };
  const items = q === null ? [req] : [req, ...(q.root.t === 'and' ? q.root.items : [q.root])];
  const query: CompiledQuery = { text: q?.text ?? '', root: { t: 'and', items }, requestId: null, levels: null, indexedOnly: false };
  plan(query);
  return query;
}

export function matches(q: CompiledQuery, r: LogRecord): boolean {
  return evaluate(q.root, r);
}

function tokenize(text: string, errors: QueryError[]): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ kind: c === '(' ? 'lparen' : 'rparen', text: c, offset: i, length: 1 });
      i++;
      continue;
    }
    if (c === '"' || ((c === '-') && text[i + 1] === '"')) {
      // A phrase, possibly negated: -"connection reset".
      const neg = c === '-';
      const open = neg ? i + 1 : i;
      const { value, end, closed } = readQuoted(text, open);
      if (!closed) errors.push({ message: 'Unterminated quote', offset: open, length: n - open });
      if (neg) out.push({ kind: 'word', text: '-', offset: i, length: 1 });
      out.push({ kind: 'phrase', text: value, offset: open, length: end - open });
      i = end;
      continue;
    }
    // A word runs to the next space; quoted parts inside it (msg="a b") belong to it, and so do
    // parentheses opened inside it (msg~(a|b)); a ")" it did not open closes a group instead.
    const start = i;
    let depth = 0;
    while (i < n) {
      const d = text[i];
      if (d === ' ' || d === '\t' || d === '\n' || d === '\r') break;
      if (d === '(') depth++;
      else if (d === ')' && depth-- === 0) break;
      if (d === '"' && i > start) {
        const q = readQuoted(text, i);
        if (!q.closed) errors.push({ message: 'Unterminated quote', offset: i, length: n - i });
        i = q.end;
        continue;
      }
      i++;
    }
    out.push({ kind: 'word', text: text.slice(start, i), offset: start, length: i - start });
  }
  return out;
}

function readQuoted(text: string, open: number): { value: string; end: number; closed: boolean } {
  let value = '';
  let i = open + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '"') return { value, end: i + 1, closed: true };
    value += c;
    i++;
  }
  return { value, end: i, closed: false };
}

/** Groups and NOTs inside each other at most (the parser and the evaluation recurse once per level). */
const MAX_QUERY_DEPTH = 100;

class Parser {
  private pos = 0;
  /** Groups and NOTs open around the current token. */
  private depth = 0;
  /** Set when the query nests too deeply: the rest of it was skipped (one error says so). */
  private stopped = false;
  constructor(private readonly tokens: Token[], private readonly errors: QueryError[]) {}

  parseAll(): QueryNode {
    const node = this.parseOr();
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos++];
      this.err(t.kind === 'rparen' ? 'Unmatched ")"' : `Unexpected "${t.text}"`, t);
    }
    return node;
  }

  private parseOr(): QueryNode {
    const items: QueryNode[] = [];
    let left = this.parseAnd();
    if (left) items.push(left);
    while (this.isWord('OR')) {
      const orTok = this.tokens[this.pos++];
      if (!left) this.err('"OR" needs a term before it', orTok);
      const right = this.parseAnd();
      if (!right) this.err('"OR" needs a term after it', orTok);
      else items.push(right);
      left = right;
    }
    if (items.length === 0) return { t: 'all' };
    return items.length === 1 ? items[0] : { t: 'or', items };
  }

  private parseAnd(): QueryNode | null {
    const items: QueryNode[] = [];
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos];
      if (t.kind === 'rparen' || this.isWord('OR')) break;
      if (this.isWord('AND')) {
        this.pos++;
        continue;
      }
      const node = this.parseUnary();
      if (node) items.push(node);
    }
    if (items.length === 0) return null;
    return items.length === 1 ? items[0] : { t: 'and', items };
  }

  private parseUnary(): QueryNode | null {
    const t = this.tokens[this.pos];
    if (t.kind === 'word' && (t.text === 'NOT' || t.text === '-')) {
      this.pos++;
      if (this.pos >= this.tokens.length || this.tokens[this.pos].kind === 'rparen') {
        this.err(`"${t.text}" needs a term after it`, t);
        return null;
      }
      if (!this.enter(t)) return null;
      const inner = this.parseUnary();
      this.depth--;
      return inner ? { t: 'not', item: inner } : null;
    }
    if (t.kind === 'lparen') {
      this.pos++;
      if (!this.enter(t)) return null;
      const inner = this.parseOr();
      this.depth--;
      if (this.tokens[this.pos]?.kind === 'rparen') this.pos++;
      else if (!this.stopped) this.err('Missing ")"', t);
      return inner;
    }
    this.pos++;
    if (t.kind === 'phrase') return textNode(t.text);
    if (t.text.length > 1 && t.text[0] === '-') {
      const inner = this.term({ ...t, text: t.text.slice(1), offset: t.offset + 1, length: t.length - 1 });
      return inner ? { t: 'not', item: inner } : null;
    }
    return this.term(t);
  }

  private term(t: Token): QueryNode | null {
    const w = t.text;
    if (w.startsWith('req:')) {
      const id = unquote(w.slice(4));
      if (!id) {
        this.err('req: needs a request ID, e.g. req:abc123', t);
        return null;
      }
      return { t: 'req', id };
    }
    const m = /^([A-Za-z_@$][\w.@$/-]*(?:\[(?:"[^"]*"|'[^']*')\][\w.@$/-]*)*)(>=|<=|!=|=|~|>|<)/.exec(w);
    if (!m || !parsePath(m[1])) return textNode(w);
    const path = m[1];
    const op = m[2];
    const valueOffset = t.offset + m[0].length;
    const rawValue = w.slice(m[0].length);
    const value = unquote(rawValue);
    if (rawValue === '') {
      this.err(`"${path}${op}" needs a value`, t);
      return null;
    }
    if (path === 'level') {
      if (op === '~') {
        this.err('level takes =, !=, >, >=, <, <= with a level name', t);
        return null;
      }
      const lv = toLevel(/^\d+$/.test(value) ? Number(value) : value, null);
      if (!lv) {
        this.errAt(`Unknown level "${value}" (use ${LEVEL_NAMES.join(', ')})`, valueOffset, rawValue.length);
        return null;
      }
      return { t: 'level', op: op as Op, value: LEVEL_VALUES[lv] };
    }
    const field = fieldAccessor(path);
    if (op === '~') {
      let source = value;
      let flags = 'i';
      const slash = /^\/(.*)\/([a-z]*)$/s.exec(rawValue);
      if (slash) {
        source = slash[1];
        flags = slash[2].replace(/[gy]/g, '');
      }
      try {
        // The user's pattern: linear-time engine (see userPattern.ts), never the backtracking one.
        return { t: 'regex', field, re: compileUserPattern(source, flags) };
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        this.errAt(`Invalid regular expression: ${e.message}`, valueOffset, rawValue.length);
        return null;
      }
    }
    let time: number | null = null;
    if (path === 'time' && toNumber(value) === null) {
      const parsed = Date.parse(value);
      if (Number.isNaN(parsed)) {
        this.errAt(`"${value}" is not a time (use an ISO time like 2024-05-01T10:00:00Z)`, valueOffset, rawValue.length);
        return null;
      }
      time = parsed;
    }
    return { t: 'field', op: op as Op, field, value, num: toNumber(value), time };
  }

  /** Steps into a NOT or a group; past MAX_QUERY_DEPTH, says so and skips the rest of the query. */
  private enter(t: Token): boolean {
    if (++this.depth <= MAX_QUERY_DEPTH) return true;
    this.depth--;
    this.err(`Nested too deeply: at most ${MAX_QUERY_DEPTH} groups and NOTs inside each other`, t);
    this.pos = this.tokens.length;
    this.stopped = true;
    return false;
  }

  private isWord(text: string): boolean {
    const t = this.tokens[this.pos];
    return t !== undefined && t.kind === 'word' && t.text === text;
  }

  private err(message: string, t: Token): void {
    this.errors.push({ message, offset: t.offset, length: t.length });
  }

  private errAt(message: string, offset: number, length: number): void {
    this.errors.push({ message, offset, length: Math.max(1, length) });
  }
}

function unquote(v: string): string {
  if (v.length >= 2 && v[0] === '"' && v[v.length - 1] === '"') return readQuoted(v, 0).value;
  return v;
}

/**
 * Free text is a literal, not a pattern: every metacharacter is escaped, so the native engine
 * (fastest for a plain substring) has nothing to backtrack over.
 */
function textNode(text: string): QueryNode {
  return { t: 'text', re: new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') };
}

function plan(q: CompiledQuery): void {
  const items = q.root.t === 'and' ? q.root.items : [q.root];
  let levels: LevelName[] | null = null;
  for (const item of items) {
    if (item.t === 'req' && q.requestId === null) q.requestId = item.id;
    if (item.t === 'level') {
      const allowed = LEVEL_NAMES.filter((l) => compare(LEVEL_VALUES[l], item.value, item.op));
      levels = levels === null ? allowed : levels.filter((l) => allowed.includes(l));
    }
  }
  q.levels = levels;
  q.indexedOnly = indexedOnly(q.root);
}

/** True when the query reads only what the columns hold: levels, the request ID, the time. */
function indexedOnly(node: QueryNode): boolean {
  switch (node.t) {
    case 'all':
    case 'level':
    case 'req':
      return true;
    case 'and':
    case 'or':
      return node.items.every(indexedOnly);
    case 'not':
      return indexedOnly(node.item);
    case 'field':
      return node.time !== null;
    default:
      return false;
  }
}

function compare(a: number, b: number, op: Op): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
  }
}

function evaluate(node: QueryNode, r: LogRecord): boolean {
  switch (node.t) {
    case 'all':
      return true;
    case 'and':
      for (const item of node.items) if (!evaluate(item, r)) return false;
      return true;
    case 'or':
      for (const item of node.items) if (evaluate(item, r)) return true;
      return false;
    case 'not':
      return !evaluate(node.item, r);
    case 'level':
      return r.level !== null && compare(LEVEL_VALUES[r.level], node.value, node.op);
    case 'req':
      return r.requestId === node.id;
    case 'text':
      if (node.re.test(r.raw)) return true;
      for (const line of r.continuation) if (node.re.test(line)) return true;
      return false;
    case 'regex': {
      const v = accessValue(r, node.field);
      return v !== undefined && node.re.test(typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
    }
    case 'field':
      return fieldMatches(node, r);
  }
}

function fieldMatches(node: Extract<QueryNode, { t: 'field' }>, r: LogRecord): boolean {
  if (node.time !== null) return r.time !== null && compare(r.time, node.time, node.op);
  const v = accessValue(r, node.field);
  if (v === undefined) return node.op === '!=';
  if (node.num !== null) {
    const n = toNumber(v);
    if (n !== null) return compare(n, node.num, node.op);
  }
  const s = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  if (node.op === '=') return s.toLowerCase() === node.value.toLowerCase();
  if (node.op === '!=') return s.toLowerCase() !== node.value.toLowerCase();
  if (node.num !== null) return false;
  const c = s < node.value ? -1 : s > node.value ? 1 : 0;
  return compare(c, 0, node.op);
}
