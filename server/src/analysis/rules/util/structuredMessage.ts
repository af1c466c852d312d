// A message built from values, taken apart into what a structured logger wants: a constant
// message (messageText.ts), one field per distinct value named after what it holds
// (fieldNames.ts), and the error, when the message printed one (`${err.message}`, `${err}`), as
// the error object itself, to be placed where the library keeps errors (structuredCall.ts).
import ts from '../../typescriptModule';
import { unwrap } from '../../scopes';
import type { RuleContext } from '../../rule';
import { colouredValue, type DeclarationLookup, isStringify } from './declarations';
import { errorAsText, isErrorValue } from './errors';
import { conditionNameCandidates, fieldNameCandidates, wordsOf } from './fieldNames';
import type { Part } from './messageParts';
import { constantMessage, labelsBeside, leadingUnit, startsClause, wordAfter, wordNamesField, type ValueSlot } from './messageText';

export interface Field {
  key: string;
  /** The value's source text; equal to key for shorthand. */
  valueText: string;
}

export interface StructuredMessage {
  /** The constant text; '' when nothing constant is left. */
  message: string;
  /** One per distinct value (the same expression twice is one field), in order of first appearance. */
  fields: Field[];
  /** The error the message printed, to be logged as the error object; null when none. */
  error: ts.Expression | null;
  /** A value was printed with JSON.stringify and is now logged as itself (its shape in the record changes). */
  reshaped: boolean;
  /** Some value said nothing about itself: its field is named after a word beside it, or `value`. */
  invented: boolean;
  /**
   * Some value was glued to the text or value beside it (`http://${host}:${port}`, `v${version}`,
   * `${name}.json`, `${done}/${total}`, a plural `${type}s`): the message left without it reads wrong.
   */
  glued: boolean;
  /** The field of each value part, by part index. */
  byPart: Map<number, Field>;
  /** The message printed an error's stack (`${err.stack}`): logged as the error, the stack is written only where the library's format writes stacks. */
  printedStack: boolean;
  /** Values the message printed that the call already logs under a key (`present`): they leave the text too. */
  alreadyLogged: number;
}

/**
 * Takes a message's parts apart. `taken` holds keys already used in the call's fields object;
 * `present`, the values it already logs (their text → key): a value printed in the message that the
 * call already logs under a key is not added again (`{ name }` beside `\`loading ${name}\``).
 * Null when the message prints two different errors: only one has the library's error place.
 */
export function structureMessage(given: readonly Part[], scope: DeclarationLookup & Pick<RuleContext, 'importOf'>, sf: ts.SourceFile, taken: ReadonlySet<string>, present: ReadonlyMap<string, string> = new Map()): StructuredMessage | null {
  // Constant text in colour (`[${chalk.red('missing')}]`), or in a local constant, is text of the message, not a value.
  const { parts, original } = joinTexts(given.map((p) => (p.kind === 'value' ? colouredText(p.expr, scope) ?? localConstantText(p.expr, scope) ?? p : p)));
  let error: ts.Expression | null = null;
  let twoErrors = false;
  let reshaped = false;
  let invented = false;
  let glued = false;
  const used = new Set(taken);
  const byText = new Map<string, Field>();
  const shownAs = new Map<Field, string>();
  const fields: Field[] = [];
  const slots = new Map<number, ValueSlot>();
  const byPart = new Map<number, Field>();
  let printedStack = false;
  let alreadyLogged = 0;
  parts.forEach((p, i) => {
    if (p.kind !== 'value') return;
    const stack = errorStackOf(p.expr, scope);
    if (stack) printedStack = true;
    const err = errorAsText(p.expr, scope) ?? (isErrorValue(p.expr, scope) ? unwrap(p.expr) : stack);
    if (err) {
      if (error && error.getText(sf) !== err.getText(sf)) twoErrors = true;
      error ??= err;
      slots.set(i, { name: 'error', unit: false });
      return;
    }
    const printed = printedValue(p.expr);
    if (printed && isStringify(p.expr)) reshaped = true;
    const value = printed ?? colourlessValue(p.expr, scope, sf) ?? p.expr;
    const text = withoutParentheses(value).getText(sf);
    const after = parts[i + 1]?.kind === 'text' ? (parts[i + 1] as { text: string }).text : '';
    // A glued `s` is a plural unless the value is a time (`${delay}s`, `${(ms / 1000).toFixed(1)}s`).
    const found = leadingUnit(after);
    const unit = found && (found.suffix !== 'Seconds' || found.length > 1 || isTimeLike(text)) ? found : null;
    // A value starting a clause (`, ${m} already synced`) is its subject: without it the clause says
    // something else, and no word beside it names it. Offered, not applied.
    // (`${failed} failed`: the word after names it, as `${n} items` does.)
    const subject = startsClause(parts, i) && !fieldNameCandidates(value).some((n) => wordNamesField(wordAfter(parts, i), n));
    if (gluedToNeighbours(parts, i, unit?.length ?? 0) || isTextChoice(value) || isWordChoiceInSentence(parts, i, value) || subject) glued = true;
    const logged = present.get(text);
    if (logged !== undefined) {
      alreadyLogged++;
      slots.set(i, { name: logged, unit: !!unit });
      return;
    }
    let field = byText.get(text);
    if (!field) {
      const names = fieldNameCandidates(value);
      const labels = labelsBeside(parts, i);
      const decided = conditionNameCandidates(value);
      const base = names.length ? names : labels.length ? labels : decided.length ? decided : ['value'];
      if (!names.length) invented = true;
      const withUnit = unit ? base.map((n) => withSuffix(n, unit.suffix)) : base;
      field = { key: pick(withUnit, used), valueText: text };
      used.add(field.key);
      byText.set(text, field);
      fields.push(field);
      // A key the library or the call holds (`time` under pino) made this one `time2`: the message
      // still says `time` where a word stood in for the value.
      if (field.key !== withUnit[0] && taken.has(withUnit[0])) shownAs.set(field, withUnit[0]);
    }
    slots.set(i, { name: shownAs.get(field) ?? field.key, unit: !!unit });
    byPart.set(original[i], field);
  });
  if (twoErrors) return null;
  return { message: constantMessage(parts, slots), fields, error, reshaped, invented, glued, byPart, printedStack, alreadyLogged };
}

/**
 * The value a colour call prints (`chalk.yellow(key)` → `key`), also when a condition picks the colour
 * of one value (`score < 0.33 ? colors.green(s) : colors.red(s)` → `s`, Juice Shop's cheat score): as a
 * field it is the value, not its escape codes, and not named for a colour. Null for anything else.
 */
function colourlessValue(expr: ts.Expression, scope: Pick<RuleContext, 'importOf'>, sf: ts.SourceFile, depth = 0): ts.Expression | null {
  const direct = colouredValue(expr, scope);
  if (direct) return direct;
  const u = unwrap(expr);
  if (!ts.isConditionalExpression(u) || depth >= 4) return null;
  const a = colourlessValue(u.whenTrue, scope, sf, depth + 1);
  const b = a && colourlessValue(u.whenFalse, scope, sf, depth + 1);
  return a && b && a.getText(sf) === b.getText(sf) ? a : null;
}

/** The text part a colour call of a literal stands for (`chalk.bold(chalk.red('missing'))` → 'missing'), else null. */
function colouredText(expr: ts.Expression, scope: Pick<RuleContext, 'importOf'>): Part | null {
  let e: ts.Expression | null = colouredValue(expr, scope);
  for (let depth = 0; e && depth < 4; depth++) {
    const u = unwrap(e);
    if (ts.isStringLiteralLike(u)) return { kind: 'text', text: u.text };
    e = colouredValue(u, scope);
  }
  return null;
}

/**
 * The text a function's own `const` holds when it is one string literal used elsewhere too (GrowthBook's
 * `const noQueriesError = "No queries were generated for this analysis"; logger.debug(id + " runner: " +
 * noQueriesError)`, then `error: noQueriesError`): the words of the message, which as a field would leave it saying only "runner".
 * A module's constant (a shared prefix) stays a name: writing its text into each call would let
 * them drift apart.
 */
function localConstantText(expr: ts.Expression, scope: DeclarationLookup): Part | null {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return null;
  const d = scope.declarationOf(e);
  if (!d || !ts.isVariableDeclaration(d) || !d.initializer || !ts.isVariableDeclarationList(d.parent) || !(d.parent.flags & ts.NodeFlags.Const)) return null;
  const holder = d.parent.parent?.parent;
  if (!holder || ts.isSourceFile(holder)) return null;
  // Used nowhere else, the const would be left unused by the rewrite (a compile error under
  // `noUnusedLocals`, a lint error under no-unused-vars): it stays a value then.
  if (namesIn(holder).get(e.text)! < 3) return null;
  const init = unwrap(d.initializer);
  return ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init) ? { kind: 'text', text: init.text } : null;
}

/** Per block holding declarations, how often each name is written in it (declarations included), counted in one walk. */
const nameCounts = new WeakMap<ts.Node, Map<string, number>>();

function namesIn(block: ts.Node): Map<string, number> {
  let counts = nameCounts.get(block);
  if (counts) return counts;
  counts = new Map();
  const stack: ts.Node[] = [block];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isIdentifier(n)) counts.set(n.text, (counts.get(n.text) ?? 0) + 1);
    else ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  nameCounts.set(block, counts);
  return counts;
}

/**
 * `${is4k ? '4K ' : ''}`: a word of the sentence put in or left out at run time (Overseerr's "no
 * default ${is4k ? '4K ' : ''}Radarr server"). As a field, the sentence left says something else; the
 * rewrite is offered, not applied. A choice between two words (`${hit ? 'hit' : 'miss'}`) is a value.
 */
function isTextChoice(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (!ts.isConditionalExpression(e)) return false;
  const [a, b] = [unwrap(e.whenTrue), unwrap(e.whenFalse)];
  return ts.isStringLiteralLike(a) && ts.isStringLiteralLike(b) && (a.text.trim() === '' || b.text.trim() === '');
}

/** Words after which a choice between words is the sentence's own noun or adjective (`the ${...} movie`, `in any ${...}`). */
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'any', 'this', 'that', 'these', 'those', 'each', 'every', 'no', 'some', 'its', 'their', 'his', 'her', 'our', 'your', 'my']);

/**
 * `in any ${tv ? 'Sonarr' : 'Radarr'} and Plex instance`, `the ${is4k ? '4K' : 'non-4K'} movie`: a
 * choice between words after a determiner is a word of the sentence's noun phrase. Taken out, the
 * sentence says something else ("was not found in any and Plex instance"), and the field is named
 * after a neighbour (`any`): the rewrite is offered, not applied. Elsewhere (`Cache ${hit ? 'hit' :
 * 'miss'} for ${key}`, after a label) the choice reads as a value of its own.
 */
function isWordChoiceInSentence(parts: readonly Part[], i: number, value: ts.Expression): boolean {
  // The message's first word chosen between words (`${isRestore ? colors.grey('Restored') : colors.green('Solved')}
  // ${difficulty}-star ...`, Juice Shop): the sentence's verb; taken out, the message says nothing.
  const before = parts[i - 1];
  if ((i === 0 || (i === 1 && before?.kind === 'text' && before.text.trim() === '')) && isLiteralChoice(value)) return true;
  if (before?.kind !== 'text' || !isLiteralChoice(value)) return false;
  // The text's last 40 characters: an unanchored pattern over all of it retried from every letter (quadratic).
  const lastWord = /(?<!\p{L})(\p{L}{1,20})\s{1,10}$/u.exec(before.text.slice(-40))?.[1]?.toLowerCase();
  return lastWord !== undefined && DETERMINERS.has(lastWord);
}

/** A conditional whose every outcome is a string literal (nested conditionals too), in a terminal colour or not. */
function isLiteralChoice(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return true;
  // `colors.green('Solved')`: a colour call of one literal (the colour library is not asked here: a call of one string literal as a choice's outcome).
  if (ts.isCallExpression(e) && e.arguments.length === 1 && ts.isStringLiteralLike(unwrap(e.arguments[0])) && ts.isPropertyAccessExpression(e.expression)) return true;
  return ts.isConditionalExpression(e) && isLiteralChoice(e.whenTrue) && isLiteralChoice(e.whenFalse) && !ts.isStringLiteralLike(unwrap(e.condition));
}

/** Words of a value's name that make a glued `s` after it seconds (`${delay}s`), whole words only: `${stage}s` is a plural. */
const TIME_WORDS: ReadonlySet<string> = new Set(['time', 'duration', 'elapsed', 'delay', 'timeout', 'interval', 'wait', 'waited', 'sec', 'secs', 'seconds', 'ttl', 'age', 'latency', 'took', 'uptime', 'period', 'backoff', 'expiry', 'expires', 'remaining', 'eta', 'ms', 'millis']);
/** A number worked out in place (`(ms / 1000).toFixed(1)`, `Math.round(t)`, `end - start`). */
const COMPUTED_NUMBER = /toFixed|Math\.|[-/*]/;

/** A value whose glued `s` reads as seconds: a time by its name, or a number worked out in place. */
function isTimeLike(text: string): boolean {
  return COMPUTED_NUMBER.test(text) || wordsOf(text).some((w) => TIME_WORDS.has(w.toLowerCase()));
}

/**
 * Text that continues a word or a path: `v` before `${version}`, `.json` or `/3` after a value. A
 * letter counts only in a script written with spaces between words: Chinese, Japanese and Korean
 * text runs on without them, so a value there is not glued to the letter beside it.
 */
const GLUED_BEFORE = /[^\P{L}\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Hangul}]$|[\p{N}_/.]$/u;
const GLUED_AFTER = /^(?:[^\P{L}\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Hangul}]|[\p{N}_/]|\.[\p{L}\p{N}])/u;

/** Whether `text` ends inside a URL (`http://localhost:`): a `://` with no white space after it. */
function insideUrl(text: string): boolean {
  const scheme = text.lastIndexOf('://');
  return scheme >= 0 && !/\s/.test(text.slice(scheme));
}

/**
 * Whether value part `i` is glued to what is beside it: another value, or text continuing a word,
 * a path or a URL (`unitLength`: a unit after it, which belongs to it, is looked past).
 */
function gluedToNeighbours(parts: readonly Part[], i: number, unitLength: number): boolean {
  const before = parts[i - 1];
  const after = parts[i + 1];
  if (before && (before.kind === 'value' || GLUED_BEFORE.test(before.text) || insideUrl(before.text))) return true;
  if (!after) return false;
  if (after.kind === 'value') return true;
  const rest = after.text.slice(unitLength);
  // `${host}:${port}`: a colon and nothing else between two values.
  return GLUED_AFTER.test(rest) || (rest === ':' && parts[i + 2]?.kind === 'value');
}

/**
 * Adjacent texts as one (`\`(${id}). \` + \`Likely...\`` reads "). Likely..."), with the index each
 * part had in `given`.
 */
function joinTexts(given: readonly Part[]): { parts: Part[]; original: number[] } {
  const parts: Part[] = [];
  const original: number[] = [];
  given.forEach((p, i) => {
    const last = parts[parts.length - 1];
    if (p.kind === 'text' && last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + p.text };
    else {
      parts.push(p);
      original.push(i);
    }
  });
  return { parts, original };
}

/** `err.stack` of an error: the error object carries it. */
function errorStackOf(expr: ts.Expression, scope: DeclarationLookup): ts.Expression | null {
  const e = unwrap(expr);
  return ts.isPropertyAccessExpression(e) && e.name.text === 'stack' && isErrorValue(e.expression, scope) ? unwrap(e.expression) : null;
}

/** `(count + extra)` → `count + extra`: a field's value needs no parentheses (a comma expression does). */
function withoutParentheses(e: ts.Expression): ts.Expression {
  let cur = e;
  while (ts.isParenthesizedExpression(cur) && !(ts.isBinaryExpression(cur.expression) && cur.expression.operatorToken.kind === ts.SyntaxKind.CommaToken)) cur = cur.expression;
  return cur;
}

/** `delay` + Ms → delayMs; a name already ending in the unit keeps it (`durationMs`, `ms`). */
function withSuffix(name: string, suffix: string): string {
  const lower = name.toLowerCase();
  if (lower.endsWith(suffix.toLowerCase()) || (suffix === 'Ms' && /(ms|millis|milliseconds)$/.test(lower)) || (suffix === 'Seconds' && /(sec|secs|seconds)$/.test(lower))) return name;
  return name + suffix;
}

/** The first free name; a number only when every name the value offers is taken. */
function pick(names: readonly string[], used: ReadonlySet<string>): string {
  for (const n of names) if (!used.has(n)) return n;
  for (let k = 2; ; k++) if (!used.has(`${names[0]}${k}`)) return `${names[0]}${k}`;
}


/**
 * The value `JSON.stringify(x)` or `String(x)` prints, when printing is all the call does (no
 * replacer: `JSON.stringify(x, null, 2)` is fine, `JSON.stringify(x, ['id'])` picks fields).
 */
export function printedValue(e: ts.Expression): ts.Expression | null {
  const u = unwrap(e);
  if (!ts.isCallExpression(u) || u.arguments.length === 0 || u.arguments.some(ts.isSpreadElement)) return null;
  if (ts.isIdentifier(u.expression) && u.expression.text === 'String') return u.arguments.length === 1 ? u.arguments[0] : null;
  if (!isStringify(u)) return null;
  const replacer = u.arguments[1] && unwrap(u.arguments[1]);
  const noReplacer = !replacer || replacer.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(replacer) && replacer.text === 'undefined');
  return noReplacer && u.arguments.length <= 3 ? u.arguments[0] : null;
}

/** The properties of an object literal as fields, when each is a plain `key: value` or shorthand with a free key. */
export function objectLiteralFields(obj: ts.ObjectLiteralExpression, sf: ts.SourceFile, taken: ReadonlySet<string>): Field[] | null {
  const out: Field[] = [];
  for (const p of obj.properties) {
    let key: string;
    let valueText: string;
    if (ts.isShorthandPropertyAssignment(p) && !p.objectAssignmentInitializer) {
      key = p.name.text;
      valueText = key;
    } else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) {
      key = p.name.text;
      valueText = p.initializer.getText(sf);
    } else return null;
    if (taken.has(key) || out.some((f) => f.key === key)) return null;
    out.push({ key, valueText });
  }
  return out;
}
