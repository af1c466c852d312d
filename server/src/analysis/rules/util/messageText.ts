// The constant message a fix keeps when the values go into fields. Every constant word stays, in
// order; what goes is each value and the punctuation that framed it (quotes, brackets, `:`, `=`,
// `#`). A word that only introduces the value after it (`on`, `for`, `to`, `is`, `the`) would be
// left dangling, so there the field's name stands in for the value: `Server ready on ${host} port
// ${port}` → "Server ready on host port" with { host, port }. Where the word next to the value
// already names it (`port ${port}`, `${n} items`), nothing stands in. A unit glued to a value
// (`${ms}ms`) went into the field's name (fieldNames/structuredMessage) and leaves the text.
import type { Part } from './messageParts';
import { wordsOf } from './fieldNames';

/** Words that introduce a value rather than name it. */
const INTRODUCERS = new Set(
  (
    'about above across after against along among around as at before behind below beneath beside between beyond by during except for from in inside into like near of off on onto out outside over past per since than through throughout till to toward towards under until unto upon via with within without ' +
    'is are was were be been being equals became becomes the a an'
  ).split(' '),
);

/** Adverbs between an introducing word and the value (`was previously ${state}`, `is currently ${mode}`): the word before them introduces it. */
const ADVERBS = new Set(['previously', 'currently', 'now', 'still', 'already', 'also', 'not', 'never', 'always', 'just', 'initially', 'originally', 'again']);

/** Unit words that belong to the value before them (`${ms}ms`, `${size} MB`), and the name suffix each gives a field. */
const UNITS: Record<string, string> = {
  ms: 'Ms', millis: 'Ms', milliseconds: 'Ms', s: 'Seconds', sec: 'Seconds', secs: 'Seconds', seconds: 'Seconds', min: 'Minutes', mins: 'Minutes', minutes: 'Minutes',
  h: 'Hours', hours: 'Hours', ns: 'Ns', us: 'Us', 'µs': 'Us', b: 'Bytes', bytes: 'Bytes', kb: 'Kb', mb: 'Mb', gb: 'Gb', kib: 'Kib', mib: 'Mib', gib: 'Gib', px: 'Px', '%': 'Percent',
};
/** Abbreviations are units even after a space (`${n} ms`); whole words only when glued (`${n}bytes`). */
const SPACED_UNITS = new Set(['ms', 'ns', 'us', 'µs', 'kb', 'mb', 'gb', 'kib', 'mib', 'gib', 'px', '%']);

/** The unit at the start of the text after a value, with the name suffix it gives, or null. */
export function leadingUnit(textAfter: string): { length: number; suffix: string } | null {
  const m = /^( ?)([A-Za-z\u00b5]+|%)(?![\p{L}\p{N}%_])/u.exec(textAfter);
  if (!m) return null;
  const unit = m[2].toLowerCase();
  if (!(unit in UNITS) || (m[1] && !SPACED_UNITS.has(unit))) return null;
  return { length: m[0].length, suffix: UNITS[unit] };
}

/** What stands in the text for one value: its field's name, and whether a unit after it went into the name. */
export interface ValueSlot {
  name: string;
  unit: boolean;
}

/** Closing framing right after a value: quotes and brackets (`'${id}'`, `(${n})`). */
const CLOSING = /^["'`)\]}>]+/;
/** Opening framing and separators right before a value: `id=`, `user: `, `#`, `(`, quotes. */
const OPENING = new Set([...' \t\n\r"\'`([{<#:=,-–—/|@']);
const QUOTES_AND_SPACE = new Set([...' \t\n\r"\'`']);
const TRAILING_SEPARATORS = new Set([...' \t\n\r,;:-–—|/']);

/** `text` without the characters of `set` at its end (a loop: a `[...]+$` pattern is quadratic on long runs). */
function trimEndOf(text: string, set: ReadonlySet<string>): string {
  let end = text.length;
  while (end > 0 && set.has(text[end - 1])) end--;
  return text.slice(0, end);
}

/** The run of letters ending `text`, lowercased, or ''. */
function lastWord(text: string): string {
  let start = text.length;
  while (start > 0 && /\p{L}/u.test(text[start - 1])) start--;
  return text.slice(start).toLowerCase();
}

/** The constant message for `parts`, `slots[i]` saying what stands for value part i. */
export function constantMessage(parts: readonly Part[], slots: ReadonlyMap<number, ValueSlot> = new Map()): string {
  // Nothing taken out: the text stays exactly as it was.
  if (parts.every((p) => p.kind === 'text')) return parts.map((p) => (p as { text: string }).text).join('');
  const tokens: string[] = [];
  // Whether the value just before stands in the text by its field's name.
  let stoodIn = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind === 'value') {
      const slot = slots.get(i);
      stoodIn = !!slot && introduces(parts, i, slot);
      if (stoodIn) tokens.push(slot!.name);
      continue;
    }
    let t = p.text;
    const prev = i > 0 ? parts[i - 1] : null;
    if (prev?.kind === 'value') {
      // A possessive or a unit glued to the value went with it: `${user}'s turn`, `${ms}ms`.
      t = t.replace(/^'s\b/, '');
      if (slots.get(i - 1)?.unit) t = t.slice(leadingUnit(t)?.length ?? 0);
      t = t.replace(CLOSING, '');
      // Then a dash or bar that only separated it from the next words: `${attempt} - error`. Where
      // its name stands in, the dash still ends a clause (`was previously state - creating OK history`).
      if (!stoodIn) t = t.replace(/^\s*[-\u2013\u2014|/]+(?=\s)/, '');
    }
    if (parts[i + 1]?.kind === 'value') {
      const trimmed = trimEndOf(t, OPENING);
      // A comma or semicolon before a value that words follow starts a clause (`${n} new transactions,
      // ${m} already synced`): it stays, or the two clauses run together.
      const clause = startsClause(parts, i + 1) ? /[,;]/.exec(t.slice(trimmed.length)) : null;
      t = clause && /[\p{L}\p{N}]/u.test(trimmed) ? trimmed + clause[0] : trimmed;
    }
    t = t.replace(/\s+/g, ' ').trim();
    const last = i === parts.length - 1;
    // Only separators (`${a}/${b}`) say nothing; sentence punctuation closing the message stays.
    if (/[\p{L}\p{N}]/u.test(t) || (last && tokens.length > 0 && /^[.!?\u2026]+$/.test(t))) tokens.push(t);
  }
  let text = '';
  for (const t of tokens) text += !text || /^[.,;:!?\u2026)\]}]/.test(t) ? t : ` ${t}`;
  // A message starting where a value was removed starts at its first word.
  text = trimEndOf(balanced(text).replace(/^[\s.,;:!?\-\u2013\u2014|/]+/, ''), TRAILING_SEPARATORS);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether the field's name stands in for value part i: the word before it only introduces it
 * (`on ${host}`), or it sits between a word and one introducing what follows (`Loaded ${user} for
 * ${id}`), so that without it the words around would not read. Not when a word beside it names
 * it already (`port ${port}`, `${n} items`).
 */
function introduces(parts: readonly Part[], i: number, slot: ValueSlot): boolean {
  const before = parts[i - 1];
  if (!before || before.kind !== 'text') return false;
  const head = trimEndOf(before.text, QUOTES_AND_SPACE);
  // `port: ${port}`, `(${n})`: punctuation between the word and the value makes the word a label.
  if (head && OPENING.has(head[head.length - 1])) return false;
  let word = lastWord(head);
  if (!word) return false;
  // `was previously ${state}`: the adverb stands between the value and the word that introduces it.
  if (ADVERBS.has(word)) word = lastWord(trimEndOf(head.slice(0, head.length - word.length), QUOTES_AND_SPACE)) || word;
  const after = parts[i + 1];
  const afterText = after?.kind === 'text' ? after.text.slice(slot.unit ? leadingUnit(after.text)?.length ?? 0 : 0) : '';
  const next = /^[\s"'`]*(\p{L}+)/u.exec(afterText)?.[1]?.toLowerCase();
  if (wordNamesField(word, slot.name) || (next && wordNamesField(next, slot.name))) return false;
  return INTRODUCERS.has(word) || (!!next && INTRODUCERS.has(next) && next !== 'the' && next !== 'a' && next !== 'an');
}

/** `attempts` and `attempt` name the same thing. */
function stem(word: string): string {
  return word.length > 3 ? word.replace(/(es|s)$/, '') : word;
}

/** The word right after value part i, lowercase ('' when none). */
export function wordAfter(parts: readonly Part[], i: number): string {
  const after = parts[i + 1];
  return after?.kind === 'text' ? (/^\s+(\p{L}+)/u.exec(after.text)?.[1]?.toLowerCase() ?? '') : '';
}

/** Whether a word names what a field holds (`failed` for `failed`, `items` for `itemCount`): the same stem as one of its words. */
export function wordNamesField(word: string, name: string): boolean {
  return !!word && wordsOf(name).some((n) => stem(n) === stem(word));
}

/**
 * Whether value part i starts a clause: a comma, semicolon, colon or opening bracket before it (after
 * words), and an adverb or a verb after it (`Fetched ${n} new, ${m} already synced`). Its words are the
 * clause's, not the word before the comma.
 */
export function startsClause(parts: readonly Part[], i: number): boolean {
  const before = parts[i - 1];
  const after = parts[i + 1];
  if (before?.kind !== 'text' || after?.kind !== 'text') return false;
  const head = trimEndOf(before.text, QUOTES_AND_SPACE);
  // After a comma, a semicolon, a colon or an opening bracket (`(${m} already synced)`, `done: ${x} not found`).
  if (!/[,;:(]$/.test(head) || !/[\p{L}\p{N}]/u.test(head)) return false;
  // What the value does next says it is the subject: an adverb, a verb (`is`, `running`, `synced`). A
  // noun after it names it instead (`(${d} domain, ${l} leaf)`: GrowthBook's skill counts).
  const next = wordAfter(parts, i);
  return !!next && (ADVERBS.has(next) || CLAUSE_VERBS.has(next) || /(?:ing|ed)$/.test(next));
}

/** Verbs a clause's subject is followed by. */
const CLAUSE_VERBS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'can', 'could', 'should', 'would', 'may', 'might', 'must', 'did', 'does', 'do', 'failed', 'succeeded']);

/**
 * Names for a value with no name of its own, from the words beside it: the noun before it (`mode
 * ${x}`, `iteration ${i + 1}`), then any word before it (`finished ${x}`), then the word after it
 * (`${a + b} items`).
 */
export function labelsBeside(parts: readonly Part[], i: number): string[] {
  const before = parts[i - 1];
  const after = parts[i + 1];
  // The word before a clause's comma is the clause before's.
  const word = before?.kind === 'text' && !startsClause(parts, i) ? lastWord(trimEndOf(before.text, OPENING)) : '';
  const following = after?.kind === 'text' ? /^[\s"'`)\]}:=]*(\p{L}+)(?:\s+(\p{L}+))?/u.exec(after.text) : null;
  const next = following?.[1]?.toLowerCase() ?? '';
  // `${m} already synced`: the adverb with the word it qualifies (`alreadySynced`), not the adverb alone.
  const qualified = ADVERBS.has(next) && following?.[2] ? `${next}${following[2][0].toUpperCase()}${following[2].slice(1).toLowerCase()}` : '';
  const usable = (w: string) => w.length >= 2 && !INTRODUCERS.has(w) && /^[a-z]+$/.test(w);
  const out: string[] = [];
  if (usable(word) && !/(ing|ed)$/.test(word)) out.push(word);
  if (usable(word)) out.push(word);
  if (qualified && /^[a-z]+[A-Z][a-z]+$/.test(qualified)) out.push(qualified);
  else if (usable(next) && !ADVERBS.has(next)) out.push(next);
  return [...new Set(out)];
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
