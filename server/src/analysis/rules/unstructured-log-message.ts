// unstructured-log-message: a log message built from dynamic values. Structured loggers index
// fields, not prose: `user ${id} saved` cannot be searched by id, grouped or counted.
import ts from '../typescriptModule';
import type { FixProposal, LogCall, Rule, RuleContext } from '../rule';
import { isFallback, unwrap } from '../scopes';
import { commentsBetweenArguments } from './util/comments';
import { errorAsText, errorsKeptWhole, isErrorValue } from './util/errors';
import { isConsoleOutsideService, runsInServer } from './util/fileRole';
import { runsOnlyInDevelopmentOrTests } from './util/developmentOnly';
import { colouredValue, isConstantText, isStringify, localValues } from './util/declarations';
import { isUtilFormatCall } from './util/imports';
import { messageParts, type Part } from './util/messageParts';
import { errorHidesMessage, existingFieldValues, existingKeys, fieldsGoUnwritten, HIDDEN_MESSAGE_NOTE, stackGoesUnwritten, takenKeys, fieldsMergeSafely, rewriteArguments, UNWRITTEN_FIELDS_NOTE } from './util/structuredCall';
import { objectLiteralFields, printedValue, structureMessage } from './util/structuredMessage';
import { writesJsonRecord } from './util/jsonRecord';
import { joinsCallerArguments, printsCallerMessageAfterOwnTag, writesCallerMessageAfterOwnTag } from './util/consoleSink';
import { formattedArgument } from './util/messageFormatter';
import { placeholderCount } from './util/placeholders';

export const MESSAGES = {
  template: 'Log message is built with a template literal; log a constant message and put the values in fields.',
  concatenation: 'Log message is built by string concatenation; log a constant message and put the values in fields.',
  stringify: 'Log message is built with JSON.stringify; log the object as a field instead, so it stays structured.',
  format: 'Log message is built with util.format; log a constant message and put the values in fields.',
  string: 'Log message is built with String() or toString(); log a constant message and put the value in a field.',
  errorText: "Log message is the error's own text, which differs from error to error; log a constant message (the error is already in the record).",
  printf: 'Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.',
  appended: "Log message has values appended: bunyan formats the arguments after the message into its text (util.format adds those no placeholder takes); log a constant message and put the values in the fields object.",
  appendedByFormat: "Log message has values appended: the project's winston format runs util.format over the message and its arguments, which adds those no placeholder takes to the text; log a constant message and put the values in the meta object.",
  errorTextOnly: "Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.",
  join: 'Log message is a list of values joined into text; log a constant message and put the list in a field.',
} as const;

type Kind = keyof typeof MESSAGES;

function dynamicKind(expr: ts.Expression, ctx: RuleContext): Kind | null {
  const e = unwrap(expr);
  // A constant prefix (`LOG_WS + 'Connection from client'`, `const LOG_WS = GREEN + 'WS: '`) keeps a message constant.
  if (ts.isTemplateExpression(e)) return isConstantText(e, ctx) ? null : 'template';
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const parts = messageParts(e);
    return parts && parts.some((p) => p.kind === 'value' && !isConstantText(p.expr, ctx)) ? 'concatenation' : null;
  }
  // `event === 'migrating' ? `Migrating ${name}` : `Migrated ${name} in ${s}s``: built either way.
  if (ts.isConditionalExpression(e)) return dynamicKind(e.whenTrue, ctx) ?? dynamicKind(e.whenFalse, ctx);
  if (ts.isCallExpression(e)) {
    const c = e.expression;
    // `chalk.bold(\`app is running at ${url}\`)`: the message in colour is still built.
    const coloured = colouredValue(e, ctx);
    if (coloured) return dynamicKind(coloured, ctx);
    if (isStringify(e)) return 'stringify';
    if (isUtilFormatCall(e, ctx)) return 'format';
    if (ts.isIdentifier(c) && c.text === 'String' && e.arguments.length === 1) return 'string';
    // `data.toString()` (Leon's skill output, a Buffer), `buf.toString('utf8')`: String(data) written otherwise.
    if (isToString(e) && ts.isPropertyAccessExpression(c) && !isConstantText(c.expression, ctx)) return 'string';
    if (joinsValues(e, ctx)) return 'join';
  }
  return null;
}

/** A name or member spelt as a constant (`consts.MIN_PASSPHRASE_LENGTH`): the same words every time. */
function isConstantName(e: ts.Expression): boolean {
  const u = unwrap(e);
  const name = ts.isIdentifier(u) ? u.text : ts.isPropertyAccessExpression(u) ? u.name.text : '';
  return name.length > 1 && name === name.toUpperCase() && name !== name.toLowerCase();
}

/** Array methods whose result is a list made from another, element by element. */
const LIST_METHODS = new Set(['map', 'flatMap', 'filter']);

/**
 * `issues.map(({ message, path }) => \`${message} at ${path}\`).join('\n')`, `[name, id].join(' ')`:
 * a list made of values, joined into one text. A list of constants (`['at least', consts.MIN_LENGTH,
 * 'characters'].join(' ')`) is constant, and `path.join(...)` is no list's.
 */
function joinsValues(call: ts.CallExpression, ctx: RuleContext): boolean {
  const c = call.expression;
  if (!ts.isPropertyAccessExpression(c) || c.name.text !== 'join' || call.arguments.length > 1) return false;
  const written = unwrap(c.expression);
  // A list made in a local first (Open Collective's GoCardless sync: `const logParts = [\`Syncing GoCardless
  // account ${account}\`]`, pushed to, then `logParts.join(' ')`): its first elements say what it holds.
  const local = ts.isIdentifier(written) ? ctx.declarationOf(written) : undefined;
  const list = local && ts.isVariableDeclaration(local) && local.initializer && ts.isArrayLiteralExpression(unwrap(local.initializer)) ? unwrap(local.initializer) : written;
  if (ts.isArrayLiteralExpression(list)) return list.elements.some((el) => ts.isSpreadElement(el) || !(isConstantText(el, ctx) || isConstantName(el)));
  return ts.isCallExpression(list) && ts.isPropertyAccessExpression(list.expression) && LIST_METHODS.has(list.expression.name.text);
}

/**
 * The message expression: the message argument, or, in a record of fields alone, winston's
 * `{ message }`, pino's and bunyan's `{ msg }` (their message key) or `{ message }` (the message
 * of code moved from winston, read as one).
 */
function messageExpression(call: LogCall): ts.Expression | undefined {
  // A project logger's lazy message (zigbee2mqtt's `logger.debug(() => \`Received ${topic}\`)`), made
  // only when the level is on: the text it returns is the message (no fix: the function stays the caller's).
  const m = call.messageArg && unwrap(call.messageArg);
  if (m && call.library !== 'console' && ts.isArrowFunction(m) && m.parameters.length === 0 && !ts.isBlock(m.body)) return m.body;
  // A project logger handed a whole record (Nango's `logCtx.log({ type: 'log', level: 'info', message: \`...\` })`):
  // the record's message is the message.
  if (m && (call.record || call.library === 'custom') && ts.isObjectLiteralExpression(m)) return recordMessage(m, PINO_MESSAGE_KEYS);
  if (call.messageArg) return call.messageArg;
  const f = call.fieldsArg && unwrap(call.fieldsArg);
  const keys = call.library === 'winston' ? WINSTON_MESSAGE_KEYS : call.library === 'pino' || call.library === 'bunyan' ? PINO_MESSAGE_KEYS : null;
  return keys && f && ts.isObjectLiteralExpression(f) ? recordMessage(f, keys) : undefined;
}

/** Whether another key of the record holds the error or its stack (`stack: error.stack`, `error`). */
function recordKeepsError(record: ts.ObjectLiteralExpression, message: ts.Expression, error: ts.Expression): boolean {
  if (!ts.isIdentifier(error)) return false;
  const ofError = (e: ts.Expression) => {
    const u = unwrap(e);
    const of = ts.isPropertyAccessExpression(u) && u.name.text === 'stack' ? unwrap(u.expression) : u;
    return ts.isIdentifier(of) && of.text === error.text;
  };
  return record.properties.some((p) => (ts.isPropertyAssignment(p) && p.initializer !== message && ofError(p.initializer)) || (ts.isShorthandPropertyAssignment(p) && p.name.text === error.text));
}

/** The value of a record's message key (`{ message: ... }`), or undefined. */
function recordMessage(record: ts.ObjectLiteralExpression, keys: ReadonlySet<string>): ts.Expression | undefined {
  for (const p of record.properties) if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && keys.has(p.name.text)) return p.initializer;
  return undefined;
}
const WINSTON_MESSAGE_KEYS: ReadonlySet<string> = new Set(['message']);
const PINO_MESSAGE_KEYS: ReadonlySet<string> = new Set(['msg', 'message']);

function structuredFix(call: LogCall, ctx: RuleContext, kind: Kind): FixProposal[] {
  const message = call.messageArg;
  // A formatted or joined message has no constant of its own to keep.
  if (!message || kind === 'format' || kind === 'join') return [];
  const library = ctx.libraryFor(call);
  if (call.library === 'console' || call.library === 'log4js' || call.library === 'nestjs') return [];
  // pino/bunyan format arguments after a template message would change meaning once it is constant.
  if ((library === 'pino' || library === 'bunyan') && call.restArgs.length > 0) return [];
  // pino/bunyan serialise an error passed first; spreading it into an object would lose it.
  if (call.fieldsArg && isErrorValue(call.fieldsArg, ctx)) return [];
  // `JSON.stringify(state)` or `String(id)` as the whole message: the value alone, as a field.
  if ((kind === 'stringify' || kind === 'string') && !printedValue(message)) return [];
  // `JSON.stringify({ id, rows })`: the object's properties are the fields.
  const printed = kind === 'stringify' ? unwrap(printedValue(message)!) : null;
  const props = printed && ts.isObjectLiteralExpression(printed) ? objectLiteralFields(printed, ctx.sourceFile, existingKeys(call)) : null;
  if (props) {
    const edit = rewriteArguments(call, library, { message: library === 'winston' ? call.method : null, fields: props, error: null }, ctx);
    return edit ? [{ title: 'Log the object as fields', edits: [edit], safe: false }] : [];
  }
  const parts = kind === 'stringify' || kind === 'string' ? [{ kind: 'value' as const, expr: message }] : messageParts(message);
  if (!parts) return [];
  // A message of more values than a reviewer would read as fields (generated code chains thousands)
  // gets no rewrite: the finding stands, and the call is not taken apart value by value.
  if (valueCount(parts) > MAX_FIX_FIELDS) return [];
  // An error printed into the message (`${err.message}`) is logged as the error object, where the
  // library keeps one (util/errorPlacement.ts); where it cannot go with the other fields, no fix.
  const s = structureMessage(parts, ctx, ctx.sourceFile, takenKeys(existingKeys(call), library), existingFieldValues(call, ctx.sourceFile));
  if (!s) return [];
  // Nothing constant left: pino/bunyan log the fields alone, winston gets the level as a neutral message.
  const newMessage = s.message || (library === 'winston' ? call.method : null);
  const edit = rewriteArguments(call, library, { message: newMessage, fields: s.fields, error: s.error?.getText(ctx.sourceFile) ?? null }, ctx);
  if (!edit) return [];
  // A value printed with JSON.stringify is logged as itself: structured, but its shape in the
  // record changes (an object instead of a string), so the fix is offered, not applied by fix-all.
  // So would a stack the message printed, where the project's winston format writes none (Karakeep's crawler).
  // A value leaving the message for a field it already had (Langfuse's ids, logged in both) is lost as well: the field was never written.
  const unwritten = (s.fields.length + s.alreadyLogged > 0 && fieldsGoUnwritten(library, ctx)) || (s.printedStack && stackGoesUnwritten(library, ctx));
  // An error moved into the record where the format then prints its stack instead of the message (Homepage's).
  const hidden = !!s.error && errorHidesMessage(library, ctx);
  const safe = s.message !== '' && !s.reshaped && !s.glued && !unwritten && !hidden && fieldsMergeSafely(call) && !commentsBetweenArguments(call.node.arguments, ctx.sourceFile);
  return [{ title: `Log a constant message with the values as fields${unwritten ? UNWRITTEN_FIELDS_NOTE : hidden ? HIDDEN_MESSAGE_NOTE : ''}`, edits: [edit], safe }];
}

/**
 * How a constant message's format takes the arguments after it: its placeholders, the arguments they
 * take, and the rest (util.format appends those). Null when the message is not literal text.
 */
function formatArguments(call: LogCall, message: ts.Expression): { placeholders: number; taken: readonly ts.Expression[]; rest: readonly ts.Expression[] } | null {
  const text = literalText(message);
  if (text === null) return null;
  const placeholders = placeholderCount(text);
  return { placeholders, taken: call.restArgs.slice(0, placeholders), rest: call.restArgs.slice(placeholders) };
}

/** Text made of values: `JSON.stringify(x)`, `String(x)`, `x.toString()`, a template or a concatenation with values in it. */
function isTextMadeOfValues(e: ts.Expression, ctx: RuleContext): boolean {
  const u = unwrap(e);
  if (isTemplateOrConcatenation(u)) return dynamicKind(u, ctx) !== null;
  return ts.isCallExpression(u) && (isStringify(u) || isToString(u) || (ts.isIdentifier(u.expression) && u.expression.text === 'String' && u.arguments.length === 1));
}

function isLiteralArgument(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isStringLiteralLike(u) || ts.isNumericLiteral(u);
}

function isTemplateOrConcatenation(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isTemplateExpression(u) || (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken);
}

/** The text of a string literal, or of literals joined with `+` (a message split over lines); null otherwise. */
function literalText(message: ts.Expression): string | null {
  let text = '';
  // Left to right with an explicit stack (right pushed first): a generated `+` chain may be thousands of terms deep.
  const stack: ts.Expression[] = [message];
  while (stack.length) {
    const e = unwrap(stack.pop()!);
    if (ts.isStringLiteralLike(e)) text += e.text;
    else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) stack.push(e.right, e.left);
    else return null;
  }
  return text;
}

/**
 * A project's own logger whose implementation is not known (custom), given a message with as many
 * placeholders as further arguments (Homebridge's `Logging`: `logger('Initializing %s accessory...',
 * id)`): the call is written to be formatted, the arguments filling the placeholders.
 */
function customFillsPlaceholders(call: LogCall): boolean {
  if (call.library !== 'custom' || !call.messageArg || call.restArgs.length === 0) return false;
  const text = literalText(call.messageArg);
  return text !== null && placeholderCount(text) === call.restArgs.length;
}

/** The most values a rewrite turns into fields; more is generated code, not a message to restructure. */
const MAX_FIX_FIELDS = 20;

function valueCount(parts: readonly Part[]): number {
  let n = 0;
  for (const p of parts) if (p.kind === 'value') n++;
  return n;
}

export const rule: Rule = {
  meta: {
    id: 'unstructured-log-message',
    description: 'Log messages built from dynamic values (template literals, concatenation, JSON.stringify, util.format, String(), a list joined).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  checkLogCall(call, ctx) {
    // A script, test or CLI printing to the console is producing output for a person, not a log record;
    // so is a logger's output there (a CLI's pretty-printed progress lines): nobody queries it by field.
    if (isConsoleOutsideService(call, ctx) || !runsInServer(call.node, ctx) || runsOnlyInDevelopmentOrTests(call.node, ctx) || writesJsonRecord(call, ctx)) return;
    // A log helper's console call printing its caller's message after a tag of its own parameters (`f(type + ':', msg)`):
    // the message is checked where the helper is called.
    if (call.library === 'console' ? printsCallerMessageAfterOwnTag(call, ctx) : writesCallerMessageAfterOwnTag(call, ctx)) return;
    // A sink joining its caller's message and arguments as console would (`(text, ...args) => log(\`${text} ${args.join(' ')}\`)`): checked where it is called.
    if (joinsCallerArguments(call, ctx)) return;
    const message = messageExpression(call);
    if (!message) return;
    // `logger.warn({ err }, err.message)`: the error is kept whole, so error-not-serialized is quiet,
    // but the message is the error's text: as many messages as errors. No fix: no constant to choose.
    const error = errorAsText(message, ctx);
    if (error && ts.isIdentifier(error) && errorsKeptWhole(call, ctx).has(error.text)) {
      ctx.report(message, MESSAGES.errorText);
      return;
    }
    // `err.toString()` is the error's text (below), not any value's String().
    const kind = error && isToString(message) ? null : dynamicKind(message, ctx);
    // `logger.error(err.message)`: the message is whatever the error says (error-not-serialized
    // reports the lost stack, and its fix writes the constant message too: none here).
    if (!kind && (error || isErrorStack(message, ctx)) && call.messageArg === message) {
      ctx.report(message, MESSAGES.errorTextOnly);
      return;
    }
    // A record handed to a project's helper whose message key is the error's text (Checkmate's
    // `logger.error({ message: error.message, service, stack: error.stack })`): as many messages as
    // errors, whether or not the record carries the stack too. No fix: the helper decides the shape.
    const record = call.messageArg && unwrap(call.messageArg);
    if (!kind && error && record && record !== message && ts.isObjectLiteralExpression(record)) {
      ctx.report(message, recordKeepsError(record, message, error) ? MESSAGES.errorText : MESSAGES.errorTextOnly);
      return;
    }
    // pino and bunyan fill `%s`/`%d` from the arguments after the message (`logger.debug('token in %dms', ms)`),
    // and winston does with `format.splat()` (NodeBB's `winston.info('NodeBB v%s', version)`).
    // Literals alone filling them keep the text constant (`log.info('Express', 'Listening on port %s', 3000)`).
    const format = !kind && call.messageArg === message ? formatArguments(call, message) : null;
    if (format && fillsFromArguments(call, ctx) && format.placeholders > 0 && format.taken.length > 0 && !format.taken.every(isLiteralArgument)) {
      ctx.report(message, MESSAGES.printf);
      return;
    }
    // bunyan formats every argument after the message into its text, not only those placeholders take
    // (Triton's `req.log.warn('Ignoring missing package in papi:', pkgUuid)` logs "... papi: 7c1f..."): a
    // value appended (not a literal, not an error or its text: error-not-serialized speaks for those).
    if (format && call.library === 'bunyan' && format.rest.some((a) => !isLiteralArgument(a) && !isErrorValue(a, ctx) && !errorAsText(a, ctx))) {
      ctx.report(message, MESSAGES.appended);
      return;
    }
    // So does a winston format of the project's own running util.format over the message and every
    // argument (Homepage's `logger.debug("fsSize:", JSON.stringify(fsSize))`): text made of values there
    // (JSON, a template, `String(x)`). Any other value may be the meta winston is written to take (an
    // object, however it is held), left to the format to print.
    if (format && call.library === 'winston' && ctx.project.winstonAppendsArguments && format.rest.some((a) => isTextMadeOfValues(a, ctx) && !errorAsText(a, ctx))) {
      ctx.report(message, MESSAGES.appendedByFormat);
      return;
    }
    // console joins its arguments into one line: a template or concatenation after a constant tag is the
    // line's text built from values (Node-Media-Server's `console.log('[NodeEvent on preConnect]', \`id=${id} ...\`)`).
    if (!kind && call.library === 'console' && call.messageArg === message && ts.isStringLiteralLike(unwrap(message))) {
      for (const a of call.restArgs) {
        const built = isTemplateOrConcatenation(a) ? dynamicKind(a, ctx) : null;
        if (!built) continue;
        ctx.report(a, MESSAGES[built]);
        return;
      }
    }
    if (kind) {
      // A message chosen between two (a conditional) has no one constant to keep: no fix.
      // A conditional has no one constant to keep; a message in colour is the colour call's to rewrite.
      const fixable = call.messageArg === message && !ts.isConditionalExpression(unwrap(message)) && !colouredValue(message, ctx);
      ctx.report(message, MESSAGES[kind], fixable ? structuredFix(call, ctx, kind) : []);
      return;
    }
    // `this.describe(\`delayed ${times} times\`)`, a function of the file writing its argument into a
    // template of its own: the argument is what the message says (no fix: the formatter decides its shape;
    // reported at the formatter's call, the log call's message).
    const formatted = formattedArgument(message, ctx);
    const formattedKind = formatted && dynamicKind(formatted, ctx);
    if (formatted && formattedKind) {
      ctx.report(message, MESSAGES[formattedKind]);
      return;
    }
    // `const msg = \`failed for ${id}\`; logger.warn(msg)`: the message was built a few lines up.
    const id = unwrap(message);
    if (!ts.isIdentifier(id)) return;
    for (const value of localValues(id, ctx)) {
      const built = dynamicKind(value, ctx);
      if (!built) continue;
      const line = ctx.sourceFile.getLineAndCharacterOfPosition(value.getStart(ctx.sourceFile)).line + 1;
      ctx.report(id, `${MESSAGES[built].replace(/^Log message/, `Log message \`${id.text}\` (line ${line})`)}`);
      return;
    }
  },
};

/**
 * `logger.error(err.stack)`, `err.stack || err.message`: the error's stack text as the whole message
 * (NodeBB's `winston.error(err.stack)`), as many messages as errors. The stack is kept, so
 * error-not-serialized stays quiet.
 */
function isErrorStack(message: ts.Expression, ctx: RuleContext): boolean {
  const e = unwrap(message);
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'stack' && isErrorValue(e.expression, ctx);
  if (isFallback(e)) {
    return isErrorStack(e.left, ctx) && (isErrorStack(e.right, ctx) || !!errorAsText(e.right, ctx) || isErrorValue(e.right, ctx) || ts.isStringLiteralLike(unwrap(e.right)));
  }
  return false;
}

/**
 * Whether the call's library fills printf placeholders in the message from the arguments after it
 * (log4js's layouts join a record's data with util.format: Etherpad's `logger.info('Compress JS file %s.', filename)`;
 * console itself does, Signal K's `console.warn('Unable to read %s: %s', path, e.message)`).
 */
function fillsFromArguments(call: LogCall, ctx: RuleContext): boolean {
  return call.library === 'pino' || call.library === 'bunyan' || call.library === 'log4js' || call.library === 'console' || (call.library === 'winston' && !!ctx.project.winstonFillsPlaceholders) || !!call.formats || customFillsPlaceholders(call);
}

/** `x.toString()`, `buf.toString('utf8')`. */
function isToString(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isCallExpression(u) && u.arguments.length <= 1 && ts.isPropertyAccessExpression(u.expression) && u.expression.name.text === 'toString';
}
