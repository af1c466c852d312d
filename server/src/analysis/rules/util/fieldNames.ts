// Names for the fields a fix logs values under, after what the values hold: `user.id` → userId,
// `req.params.id` → id, `items.length` → itemsCount, `getUser(id)` → user, `this.queue.name` →
// queueName, `Date.now() - start` → duration. A name is a camelCase identifier.
import ts from '../../typescriptModule';
import { unwrap } from '../../scopes';
import { words } from '../../nameWords';

/** Receivers that say nothing of what is read from them: `this.count` is a count. */
const SELVES = new Set(['this', 'self', 'globalThis', 'window']);
/** Objects that hold other values: `req.params.id` is an id, but `request.id` is the request's id. */
const HOLDERS = new Set(['req', 'request', 'res', 'response', 'reply', 'ctx', 'context', 'event', 'process', 'args', 'argv']);
/** Containers inside an object: `req.params.id` is an id, not a paramsId. */
const CONTAINERS = new Set(['params', 'query', 'body', 'headers', 'cookies', 'data', 'props', 'state', 'options', 'opts', 'config', 'settings', 'payload', 'input', 'meta', 'metadata', 'env', 'attributes', 'attrs', 'details', 'fields', 'locals', 'session']);
/** Methods that only change how a value prints: named after the value they are called on. */
const FORMATTERS = new Set(['toString', 'toISOString', 'toUTCString', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'toDateString', 'toJSON', 'toFixed', 'toPrecision', 'trim', 'trimStart', 'trimEnd', 'join', 'toLowerCase', 'toUpperCase', 'valueOf', 'keys', 'values', 'entries', 'padStart', 'padEnd']);
/** Functions that print their first argument: named after it (`JSON.stringify(x)`, `tryJsonStringify(x)`). */
const PRINTERS = /^(String|Number|Boolean|Array\.from|Object\.keys|Object\.values|Object\.entries|util\.inspect|util\.format)$|(stringify|serialize|inspect|format|sanitize|redact|mask)$/i;
/** A printer that says what it prints: `formatErrorDetails(payload, err)` prints error details. */
const NAMED_PRINTER = /^(?:format|stringify|serialize|inspect|sanitize|redact|mask)(?=[A-Z])/;
/** Verbs a getter's name starts with: `getUser(id)` returns a user. */
const GETTER = /^(get|fetch|load|find|read|compute|calculate|calc|build|make|create|resolve|lookup|lookUp|retrieve|select|query)(?=[A-Z])/;
/** Names too generic to stand alone once a getter's verb is gone: `metrics.getName()` is metricsName. */
const GENERIC = new Set(['name', 'id', 'type', 'status', 'size', 'count', 'length', 'key', 'value', 'values', 'data', 'info', 'state', 'result', 'text', 'message', 'code', 'version', 'url', 'path']);

/**
 * Names for a value, most preferred first; later ones say more about where the value comes from
 * (used when the first is taken: `a.user.id` and `b.user.id` → userId, then aUserId). Empty when
 * the value says nothing about itself (a literal, arithmetic).
 */
export function fieldNameCandidates(expr: ts.Expression): string[] {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return [identifierName(e.text)];
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return accessNames(e);
  if (ts.isCallExpression(e)) return callNames(e);
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) ? [e.expression.text === 'Date' ? 'time' : lowerFirst(e.expression.text)] : [];
  if (ts.isBinaryExpression(e)) return binaryNames(e);
  if (ts.isConditionalExpression(e)) return conditionalNames(e);
  // `${id}` or `#${id}`: the value with nothing said around it.
  if (ts.isTemplateExpression(e) && e.templateSpans.length === 1 && !/\p{L}/u.test(e.head.text + e.templateSpans[0].literal.text)) return fieldNameCandidates(e.templateSpans[0].expression);
  if (ts.isTypeOfExpression(e)) return fieldNameCandidates(e.expression).map((n) => n + 'Type');
  return [];
}

/** `PORT` → port, `MAX_RETRIES` → maxRetries, `userId` stays. */
function identifierName(text: string): string {
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(text) && /[A-Z]/.test(text) && text.length > 1) return camel(text.toLowerCase().split('_'));
  return text.replace(/^_+/, '') || text;
}

/** The names along a member chain, outermost last: `this.queue.name` → [queue, name]. */
function chainNames(e: ts.Expression): string[] | null {
  const names: string[] = [];
  let cur: ts.Expression = unwrap(e);
  for (let i = 0; i < 32; i++) {
    if (ts.isPropertyAccessExpression(cur)) {
      names.push(cur.name.text);
      cur = unwrap(cur.expression);
    } else if (ts.isElementAccessExpression(cur)) {
      const arg = unwrap(cur.argumentExpression);
      if (ts.isStringLiteralLike(arg)) names.push(arg.text);
      else if (!ts.isNumericLiteral(arg) && !ts.isIdentifier(arg)) return null;
      cur = unwrap(cur.expression);
    } else if (ts.isIdentifier(cur) || cur.kind === ts.SyntaxKind.ThisKeyword) {
      names.push(ts.isIdentifier(cur) ? cur.text : 'this');
      return names.reverse();
    } else if (ts.isCallExpression(cur)) {
      const inner = callNames(cur);
      if (!inner.length) return null;
      names.push(inner[0]);
      return names.reverse();
    } else return null;
  }
  return null;
}

function accessNames(e: ts.Expression): string[] {
  const chain = chainNames(e);
  if (!chain) return [];
  let links = chain.map((name) => ({ name, words: wordsOf(name) })).filter((l) => l.words.length > 0);
  // `items.length` counts items.
  const counted = links.length > 1 && (links[links.length - 1].name === 'length' || links[links.length - 1].name === 'size');
  if (counted) links = links.slice(0, -1);
  // Holders and containers say where a value is kept, not what it is (the last link always stays,
  // and a holder the value is read from directly: `request.id` is requestId).
  const lastIndex = links.length - 1;
  const kept = links.filter((l, i) => i === lastIndex || !(SELVES.has(l.name) || CONTAINERS.has(l.name.toLowerCase()) || (HOLDERS.has(l.name) && i < lastIndex - 1)));
  if (!kept.length) return [];
  const suffix = counted ? ['count'] : [];
  const out: string[] = [];
  // The last name alone when it stands for itself after holders (`req.params.id` → id) or already
  // says whose it is (`user.userId`); else the last two (`user.id` → userId), then more.
  const last = kept[kept.length - 1].words;
  const prev = kept[kept.length - 2]?.words;
  if (!prev || (last.length > 1 && last[0] === prev[prev.length - 1])) out.push(camel([...last, ...suffix]));
  for (let n = 2; n <= kept.length; n++) out.push(camel([...kept.slice(-n).flatMap((l) => l.words), ...suffix]));
  return unique(out);
}

function callNames(call: ts.CallExpression): string[] {
  const callee = unwrap(call.expression);
  const first = call.arguments[0];
  const calleeText = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(unwrap(callee.expression)) ? `${(unwrap(callee.expression) as ts.Identifier).text}.${callee.name.text}` : null;
  if (calleeText === 'Date.now' || calleeText === 'performance.now') return ['time'];
  const method = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  if (!method) return [];
  // `items.join(', ')`, `date.toISOString()`: the value on which the method is called.
  if (ts.isPropertyAccessExpression(callee) && FORMATTERS.has(method)) return fieldNameCandidates(callee.expression);
  // `String(x)`, `JSON.stringify(x)`, `tryJsonStringify(x)`: the value printed.
  if (first && ((calleeText && PRINTERS.test(calleeText)) || PRINTERS.test(method))) return fieldNameCandidates(first);
  const printer = NAMED_PRINTER.exec(method);
  if (printer) return [identifierName(lowerFirst(method.slice(printer[0].length)))];
  const got = GETTER.exec(method);
  // `findUserById(id)` → user; `users.findById(id)` → user, from the owner (`userService` → user).
  let base = got ? lowerFirst(method.slice(got[0].length)).replace(/(?:By|For|With|From)[A-Z]\w*$/, '') : method;
  if (!base && ts.isPropertyAccessExpression(callee)) {
    const owner = fieldNameCandidates(callee.expression)[0];
    base = owner ? owner.replace(/(Service|Repository|Repo|Store|Client|Api|Manager|Provider|Dao|Model)$/, '').replace(/s$/, '') : '';
  }
  if (!base) return [];
  // `this.metrics.getName()` → metricsName: a generic result is named with its owner.
  if (ts.isPropertyAccessExpression(callee) && GENERIC.has(base)) {
    const owner = fieldNameCandidates(callee.expression);
    if (owner.length) return unique([...owner.map((o) => o + upperFirst(base)), base]);
  }
  return [identifierName(base)];
}

function binaryNames(e: ts.BinaryExpression): string[] {
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
    const left = fieldNameCandidates(e.left);
    return left.length ? left : fieldNameCandidates(e.right);
  }
  if (op === ts.SyntaxKind.AmpersandAmpersandToken) return fieldNameCandidates(e.right);
  // `'http://' + host`: the one value among literal text.
  if (op === ts.SyntaxKind.PlusToken) {
    const literal = (x: ts.Expression) => ts.isStringLiteralLike(unwrap(x));
    if (literal(e.left) !== literal(e.right)) return fieldNameCandidates(literal(e.left) ? e.right : e.left);
  }
  // `Date.now() - start`, `end - startedAt`: a time difference.
  if (op === ts.SyntaxKind.MinusToken) {
    const names = [...fieldNameCandidates(e.left), ...fieldNameCandidates(e.right)];
    if (names.some((n) => /^(time|now|end|ended|finish|finished|stop|stopped|start|started|begin|t\d*)$|start|begin|time|At$/i.test(n))) return ['duration'];
  }
  return [];
}

/** `ok ? a : b`: one field, named after what both branches hold, else the one branch that says. */
function conditionalNames(e: ts.ConditionalExpression): string[] {
  const a = fieldNameCandidates(e.whenTrue);
  const b = fieldNameCandidates(e.whenFalse);
  if (a.length && b.length) return a[0] === b[0] ? a : [];
  return a.length ? a : b;
}

/** Lowercase words of a name (`fileInfo` → file, info): the splitter secret-name matching uses. */
export const wordsOf = words;

export function camel(words: string[]): string {
  const flat = words.flatMap((w) => wordsOf(w));
  if (!flat.length) return '';
  const name = flat.map((w, i) => (i === 0 ? w : upperFirst(w))).join('');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

function upperFirst(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function unique(names: string[]): string[] {
  return [...new Set(names.filter(Boolean))];
}

/**
 * What a conditional is decided by: `ok ? 'up' : 'down'` → ok, for a conditional whose branches
 * say nothing. A name one branch prints (`enabled ? 'enabled' : 'disabled'`) would read as that
 * value where it stands in the message: it becomes enabledState.
 */
export function conditionNameCandidates(expr: ts.Expression): string[] {
  const e = unwrap(expr);
  if (!ts.isConditionalExpression(e)) return [];
  const c = unwrap(e.condition);
  const printed = [e.whenTrue, e.whenFalse].map(unwrap).flatMap((b) => (ts.isStringLiteralLike(b) ? [b.text.toLowerCase()] : []));
  return fieldNameCandidates(ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken ? c.operand : c).map((n) => (printed.includes(n.toLowerCase()) ? `${n}State` : n));
}
