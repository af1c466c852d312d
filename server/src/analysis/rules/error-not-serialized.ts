// error-not-serialized: an error logged as text (`err.message`, `String(err)`, `${err}`,
// `err.toString()`) instead of the error object. Text loses the stack, the type and the cause;
// each library keeps all three when given the error object where it looks for one
// (util/errorPlacement.ts): pino `{ err }`, bunyan `log.error(err, msg)`, winston `logger.error(msg, err)`.
import ts from '../typescriptModule';
import type { FixProposal, LogCall, Rule, RuleContext } from '../rule';
import { unwrap } from '../scopes';
import { isOtherLoggingPackage } from '../libraryValues';
import { commentsBetweenArguments } from './util/comments';
import { localValues } from './util/declarations';
import { errorPlacement } from './util/errorPlacement';
import { isConsoleOutsideService, runsAtTerminal, runsInServer } from './util/fileRole';
import { runsOnlyInDevelopmentOrTests } from './util/developmentOnly';
import { errorAsText, errorsKeptWhole, isErrorValue, printsArgumentsAsConsole } from './util/errors';
import { isClassifiedExpected } from './util/expectedError';
import { messageParts } from './util/messageParts';
import { lookupValues } from './util/translations';
import { constantMessage } from './util/messageText';
import { aroundOnlyPlaceholder, placeholderCount, placeholderLetters } from './util/placeholders';
import { errorHidesMessage, existingFieldValues, existingKeys, fieldsGoUnwritten, HIDDEN_MESSAGE_NOTE, takenKeys, fieldsMergeSafely, rewriteArguments, UNWRITTEN_FIELDS_NOTE } from './util/structuredCall';
import { structureMessage } from './util/structuredMessage';

/** Code in a message, in Markdown: double backticks when the code holds one. */
const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

export const MESSAGE = (text: string) => `${code(text)} logs the error as text, which loses its stack and type; log the error object instead.`;

/** winston's error logged alone is written as its message only, unless a format keeps stacks. */
export const WINSTON_CALLBACK = (text: string) =>
  `\`.catch(${text})\` hands winston the rejection's error alone: it writes the error's message only and its stack is lost (no \`format.errors({ stack: true })\` in the project's winston format). Add that format, or log a message with the error: \`.catch((err) => ${text}('failed', err))\`.`;
export const WINSTON_ALONE = (text: string) =>
  `winston writes the error ${code(text)} logged alone as its message only: its stack is lost (no \`format.errors({ stack: true })\` in the project's winston format). Add that format, or log a message with the error: \`logger.error('failed', ${text})\`.`;
/** The levels a rejection's error is handed to as a callback. */
const WINSTON_ERROR_LEVELS: ReadonlySet<string> = new Set(['error', 'warn', 'info', 'debug', 'verbose', 'silly', 'crit', 'alert', 'emerg', 'notice', 'warning']);
/** winston serialises a meta object's fields with JSON: an error's own properties are not enumerable. */
export const WINSTON_NESTED = (text: string) =>
  `winston writes the error ${code(text)} inside a meta object as \`{}\` (its message and stack are not enumerable); pass the error itself as the meta argument.`;

/** pino writes an error under any key but `err` as `{}`. */
export const PINO_NESTED = (key: string, text: string) =>
  `pino writes the error ${code(text)} under \`${key}\` as \`{}\` (its message and stack are not enumerable; only \`err\` has the error serializer); log it as \`err\`.`;

/** bunyan without serializers writes an error in the fields object as `{}`. */
export const BUNYAN_NESTED = (key: string, text: string) =>
  `bunyan writes the error ${code(text)} under \`${key}\` as \`{}\`: no serializer of this logger covers \`${key}\`, and an error's message and stack are not enumerable; pass the error itself as the fields argument (\`log.error(err, 'msg')\`).`;

/** NestJS's Logger.warn(message, ...optionalParams): an error there is printed as text or dropped. */
export const NEST_OPTIONAL = (method: string, text: string) =>
  `NestJS's Logger.${method} takes further messages and a context after its message, not an error: ${code(text)} there is printed as text (or dropped by nestjs-pino) and its stack is lost; pass its stack (\`${text}.stack\`), or with nestjs-pino the error in an object first (\`{ err: ${text} }\`).`;

/** NestJS's Logger.error(message, stack): an error object in the stack's place is printed as `Error: text`. */
export const NEST_STACK = (text: string) =>
  `NestJS's Logger.error takes the stack as its second argument: the error ${code(text)} there is printed as text and its stack is lost; pass its \`.stack\`.`;

/** Textual uses of an error inside an expression used as the message: the whole of it, or template/concat parts. */
function textualErrors(expr: ts.Expression, ctx: RuleContext): Array<{ at: ts.Expression; error: ts.Expression; indirect?: true }> {
  const whole = errorAsText(expr, ctx);
  if (whole) return [{ at: unwrap(expr), error: whole }];
  // `const reason = err.message; logger.error(reason)`: the text was made a few lines up.
  const id = unwrap(expr);
  if (ts.isIdentifier(id)) {
    const error = localErrorText(id, ctx);
    if (error) return [{ at: id, error, indirect: true }];
  }
  // `tooMany ? \`timed out\` : \`failed: ${detail}\``: either message may be written (no fix: the call keeps its condition).
  // `err.stack ? err.stack : err.toString()` is the error's stack whenever it has one (exempt, as a stack is).
  if (ts.isConditionalExpression(id) && !isStack(id.whenTrue) && !isStack(id.whenFalse)) {
    return [...textualErrors(id.whenTrue, ctx), ...textualErrors(id.whenFalse, ctx)].map((f) => ({ ...f, indirect: true as const }));
  }
  // `log._('flows.error', { message: err.toString() })`: the catalog prints its values into the words.
  const printed = lookupValues(id).flatMap((v) => errorsPrinted(v, ctx));
  if (printed.length > 0) return printed;
  const parts = messageParts(expr);
  if (!parts) return [];
  const out: Array<{ at: ts.Expression; error: ts.Expression; indirect?: true }> = [];
  for (const p of parts) {
    if (p.kind !== 'value') continue;
    const e = printedError(p.expr, ctx);
    const values = e ? [] : lookupValues(p.expr);
    if (e) out.push({ at: unwrap(p.expr), error: e });
    else if (values.length > 0) out.push(...values.flatMap((v) => errorsPrinted(v, ctx)));
    else {
      // `const reason = getErrorMessage(err); logger.error(`failed: ${reason}`)`.
      const v = unwrap(p.expr);
      const made = ts.isIdentifier(v) ? localErrorText(v, ctx) : null;
      if (made) out.push({ at: v, error: made, indirect: true });
    }
  }
  return out;
}

/** An error a catalog lookup prints into its words: its text, or the error itself (printed as text). No fix: the catalog's words are the project's. */
function errorsPrinted(value: ts.Expression, ctx: RuleContext): Array<{ at: ts.Expression; error: ts.Expression; indirect: true }> {
  const error = printedError(value, ctx);
  return error ? [{ at: unwrap(value), error, indirect: true }] : [];
}

/** The error a value written into text prints: its text (`err.message`), or the error itself (`${err}`). */
function printedError(value: ts.Expression, ctx: RuleContext): ts.Expression | null {
  return errorAsText(value, ctx) ?? (isErrorValue(value, ctx) ? unwrap(value) : null);
}

/** The error a local's values (as many as may reach the read) turn into text, the first one found. */
function localErrorText(id: ts.Identifier, ctx: RuleContext): ts.Expression | null {
  for (const value of localValues(id, ctx)) {
    const error = errorTextInBranches(value, ctx);
    if (error) return error;
  }
  return null;
}

/**
 * The error a local's value turns into text, also in one branch of a condition whose other branch is
 * other text (Standard Notes: `isAxiosError ? JSON.stringify(response.data) : (error as Error).message`):
 * when that branch is taken the error is logged as its text alone.
 */
function errorTextInBranches(value: ts.Expression, ctx: RuleContext): ts.Expression | null {
  const text = errorAsText(value, ctx);
  if (text) return text;
  const v = unwrap(value);
  if (ts.isConditionalExpression(v)) return errorTextInBranches(v.whenTrue, ctx) ?? errorTextInBranches(v.whenFalse, ctx);
  // Text built around it (Leon's ``const errorMessage = `Failed to execute action: ${e}`; LogHelper.error(errorMessage)``).
  for (const part of messageParts(v) ?? []) {
    const printed = part.kind === 'value' ? printedError(part.expr, ctx) : null;
    if (printed) return printed;
  }
  return null;
}

function messageFix(call: LogCall, ctx: RuleContext, error: ts.Expression): FixProposal[] {
  const library = ctx.libraryFor(call);
  const placement = errorPlacement(library);
  if (!placement || call.library === 'console' || call.library === 'log4js' || call.library === 'nestjs' || !call.messageArg) return [];
  if (call.fieldsArg && !ts.isObjectLiteralExpression(unwrap(call.fieldsArg))) return [];
  if ((library === 'pino' || library === 'bunyan') && call.restArgs.length > 0) return [];
  const sf = ctx.sourceFile;
  const parts = messageParts(call.messageArg) ?? [{ kind: 'value' as const, expr: call.messageArg }];
  const s = structureMessage(parts, ctx, sf, takenKeys(existingKeys(call), library), existingFieldValues(call, sf));
  if (!s || !s.error) return [];
  if (!s.message && placement.kind !== 'metaArgument' && s.fields.length === 0 && !call.fieldsArg) {
    // The message was the error's text alone: pino and bunyan take the error itself and use its
    // message as the record's (`logger.error(err)`). The text changes (no `Error: ` prefix): not safe.
    const range = { start: call.messageArg.getStart(sf), end: call.messageArg.end };
    return [{ title: 'Log the error object', edits: [{ ...range, newText: error.getText(sf) }], safe: false }];
  }
  // With no constant text left, a message must be invented: offered, but not applied by fix-all.
  const message = s.message || `${call.method} failed`;
  const edit = rewriteArguments(call, library, { message, fields: s.fields, error: s.error.getText(sf) }, ctx);
  if (!edit) return [];
  const unwritten = s.fields.length > 0 && fieldsGoUnwritten(library, ctx);
  const hidden = errorHidesMessage(library, ctx);
  const safe = s.message !== '' && !s.glued && !s.reshaped && !unwritten && !hidden && fieldsMergeSafely(call) && !commentsBetweenArguments(call.node.arguments, sf);
  const title = placement.kind === 'field' ? `Log the error object as \`${placement.key}\`` : 'Log the error object';
  return [{ title: `${title}${unwritten ? UNWRITTEN_FIELDS_NOTE : hidden ? HIDDEN_MESSAGE_NOTE : ''}`, edits: [edit], safe }];
}

/** `{ reason: err.message }` → the error object where the library keeps it, if it can go there. */
function fieldFix(call: LogCall, ctx: RuleContext, obj: ts.ObjectLiteralExpression, p: ts.PropertyAssignment, error: ts.Expression): FixProposal[] {
  const placement = errorPlacement(ctx.libraryFor(call));
  if (!placement || call.library === 'console' || call.library === 'log4js' || call.library === 'nestjs') return [];
  const sf = ctx.sourceFile;
  const errText = error.getText(sf);
  if (placement.kind === 'field') {
    const currentKey = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : '';
    // Under any other key pino writes the error as `{}`: only `err` keeps it.
    if (existingKeys(call).has(placement.key) && currentKey !== placement.key) return [];
    const newText = errText === placement.key ? errText : `${placement.key}: ${errText}`;
    return [{ title: `Log the error object as \`${placement.key}\``, edits: [{ start: p.getStart(sf), end: p.end, newText }], safe: true }];
  }
  // bunyan / winston: the error replaces the whole object, so only when it is the object's one field.
  if (obj.properties.length !== 1 || !call.messageArg || !ts.isStringLiteralLike(unwrap(call.messageArg))) return [];
  const range = { start: call.fieldsArg!.getStart(sf), end: call.fieldsArg!.end };
  // A comment inside the object would go with it.
  const commented = /\/[/*]/.test(obj.getText(sf).replace(p.initializer.getText(sf), ''));
  return [{ title: 'Log the error object', edits: [{ ...range, newText: errText }], safe: !commented }];
}

/** `{ error }` / `{ error: e }` → `{ err: error }` for pino, when the object has no `err` yet (the field's name changes: not safe for a dashboard that reads it). */
function errKeyFix(call: LogCall, ctx: RuleContext, p: ts.ShorthandPropertyAssignment | ts.PropertyAssignment, error: ts.Expression): FixProposal[] {
  if (existingKeys(call).has('err')) return [];
  const sf = ctx.sourceFile;
  const text = error.getText(sf);
  return [{ title: 'Log the error object as `err`', edits: [{ start: p.getStart(sf), end: p.end, newText: text === 'err' ? 'err' : `err: ${text}` }], safe: false }];
}

/** `{ error }` as winston's whole meta → the error itself (the record gains its stack; the message gains the error's text). */
function wholeMetaFix(call: LogCall, ctx: RuleContext, obj: ts.ObjectLiteralExpression, error: ts.Identifier): FixProposal[] {
  if (obj.properties.length !== 1 || !call.messageArg || !ts.isStringLiteralLike(unwrap(call.messageArg)) || !call.fieldsArg) return [];
  const sf = ctx.sourceFile;
  if (/\/[/*]/.test(obj.getText(sf))) return [];
  return [{ title: 'Log the error object', edits: [{ start: call.fieldsArg.getStart(sf), end: call.fieldsArg.end, newText: error.text }], safe: true }];
}

/** `logger.error('failed: %s', err)` → pino `logger.error({ err }, 'failed')`, bunyan `log.error(err, 'failed')`. */
function placeholderFix(call: LogCall, ctx: RuleContext, msg: ts.StringLiteralLike, error: ts.Expression): FixProposal[] {
  const around = aroundOnlyPlaceholder(msg.text);
  if (!around || call.fieldsArg || call.restArgs.length !== 1) return [];
  const sf = ctx.sourceFile;
  const message = constantMessage([{ kind: 'text', text: around.before }, { kind: 'value', expr: error }, { kind: 'text', text: around.after }], new Map([[1, { name: 'error', unit: false }]]));
  if (!message) return [];
  const edit = rewriteArguments({ ...call, messageArg: msg, restArgs: [] }, ctx.libraryFor(call), { message, fields: [], error: error.getText(sf) }, ctx);
  const hidden = errorHidesMessage(ctx.libraryFor(call), ctx);
  const safe = !hidden && !commentsBetweenArguments(call.node.arguments, sf);
  return edit ? [{ title: `Log the error object${hidden ? HIDDEN_MESSAGE_NOTE : ''}`, edits: [edit], safe }] : [];
}

/**
 * `error(err.message, err.stack, ...)`: the message's error has its `.stack` among the other arguments,
 * also when both are guarded (`e instanceof Error ? e.message : 'Unknown error'` with
 * `e instanceof Error ? e.stack : undefined`, Docmost's trash clean-up).
 */
function nestStackPassed(call: LogCall, ctx: RuleContext): boolean {
  const message = call.messageArg && unwrap(call.messageArg);
  if (!message) return false;
  // The message, or a value written into it (`Failed to clean up ${id}: ${e.message}`).
  const parts = ts.isTemplateExpression(message) ? message.templateSpans.map((span) => span.expression) : [message];
  const errors = parts.flatMap((p) => {
    // The error's text itself, or a local made of it (Vendure's `const message = typeof e.message === 'string' ? e.message : ...`).
    const u = unwrap(p);
    const text = errorAsText(p, ctx) ?? (ts.isIdentifier(u) ? localErrorText(u, ctx) : null);
    const name = text && errorNameIn(text);
    return name ? [name] : [];
  });
  // Any other argument: a helper's call (a facade's `error(message, context, trace)`) has no rest arguments of its own.
  return errors.length > 0 && call.node.arguments.some((a) => a !== call.messageArg && errors.includes(stackOf(a) ?? ''));
}

/** The error a text of it is made from: `err` itself, or the `err` of `err.message` in a guard's branch. */
function errorNameIn(text: ts.Expression): string | null {
  const u = unwrap(text);
  if (ts.isIdentifier(u)) return u.text;
  if (ts.isConditionalExpression(u)) return errorNameIn(u.whenTrue) ?? errorNameIn(u.whenFalse);
  return ts.isPropertyAccessExpression(u) && u.name.text === 'message' && ts.isIdentifier(unwrap(u.expression)) ? (unwrap(u.expression) as ts.Identifier).text : null;
}

/** `x.stack`: a stack printed is exempt from this rule (unstructured-log-message reports a stack alone as the message). */
function isStack(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isPropertyAccessExpression(u) && u.name.text === 'stack';
}

/** The error whose stack an argument is: `err.stack`, or a guard's branch that is (`e instanceof Error ? e.stack : undefined`). */
function stackOf(arg: ts.Expression): string | null {
  const u = unwrap(arg);
  if (ts.isConditionalExpression(u)) return stackOf(u.whenTrue) ?? stackOf(u.whenFalse);
  return ts.isPropertyAccessExpression(u) && u.name.text === 'stack' && ts.isIdentifier(unwrap(u.expression)) ? (unwrap(u.expression) as ts.Identifier).text : null;
}

export const rule: Rule = {
  meta: {
    id: 'error-not-serialized',
    description: 'Errors logged as text (err.message, String(err), `${err}`, err.toString()) instead of the error object.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  // `.catch(logger.error)`: winston's level method called with the rejection's error alone (Open Collective's fraud check).
  // Only a file naming a logger too: `catch` alone is in every file with a try statement.
  mayApply: { words: ['catch', 'log', 'logger'], test: (has) => has('catch') && (has('log') || has('logger')) },
  callNames: new Set(['catch']),
  checkCall(node, ctx) {
    if (!ts.isCallExpression(node) || node.arguments.length !== 1 || ctx.project.winstonKeepsErrorStacks) return;
    const callback = unwrap(node.arguments[0]);
    if (!ts.isPropertyAccessExpression(callback) || !WINSTON_ERROR_LEVELS.has(callback.name.text) || ctx.loggerLibraryOf(callback.expression) !== 'winston') return;
    if (!runsInServer(node, ctx) || runsOnlyInDevelopmentOrTests(node, ctx)) return;
    ctx.report(callback, WINSTON_CALLBACK(callback.getText(ctx.sourceFile)));
  },
  checkLogCall(call, ctx) {
    // A test, script or CLI printing an error's message to a person, or browser code: no log record loses a stack.
    if (isConsoleOutsideService(call, ctx) || runsOnlyInDevelopmentOrTests(call.node, ctx)) return;
    // A project's own console-backed helper in browser code (MiroTalk's RoomClient `this.handleRecordingError('...' + err)`):
    // the page's console, no record. A library's logger there is still reported: a module taken for the
    // browser's may be the server's (a Next.js app's tRPC router nothing the model follows imports).
    if (call.library === 'custom' && ctx.fileKind === 'browser' && !runsInServer(call.node, ctx)) return;
    // A project's own log helper (a console-backed facade) in a CLI command, a script, or a build or lint
    // step (Leon's `LogHelper.error(\`Does not look great: ${e.message}\`)` in scripts/lint.js) talks to a
    // person as console does. (In a test it is still reported: code-server's tests log through @coder/logger.)
    if (call.library === 'custom' && (runsAtTerminal(call.node, ctx) || ctx.fileKind === 'tooling' || ctx.fileKind === 'build')) return;
    const sf = ctx.sourceFile;
    // NestJS's Logger takes the stack as its own argument: `this.logger.error(err.message, err.stack)`
    // is its idiom and keeps the stack.
    if ((call.library === 'nestjs' || call.library === 'custom') && nestStackPassed(call, ctx)) return;
    // An error logged whole in the same call keeps its stack: its text beside it is an extra, not a loss.
    const kept = errorsKeptWhole(call, ctx);
    const lost = (error: ts.Expression) => !(ts.isIdentifier(error) && kept.has(error.text));
    // An expected error, classified by the branch the call is in and logged below error level: its
    // text in the message is the line a reader needs. In a field it is still a finding: a structured
    // logger's field takes the error object, whose serializer keeps its type and stack.
    const lostInText = (error: ts.Expression) => lost(error) && !isClassifiedExpected(call, error, ctx);
    if (call.messageArg) {
      const found = textualErrors(call.messageArg, ctx).filter((f) => lostInText(f.error));
      if (found.length) {
        const fixes = found.length === 1 && !found[0].indirect ? messageFix(call, ctx, found[0].error) : [];
        for (const f of found) ctx.report(f.at, MESSAGE(f.at.getText(sf)), fixes);
      }
    }
    // Error text as a format argument or another console argument: `logger.error('failed %s', err.message)`.
    for (const a of call.restArgs) {
      // A fields object is read below; winston's meta taken as a value (`'failed: %s', err?.message ?? err`:
      // Homepage's TrueNAS proxy) is the error's text still.
      if (a === call.fieldsArg && ts.isObjectLiteralExpression(unwrap(a))) continue;
      const value = unwrap(packageField(a, ctx) ?? a);
      const error = errorAsText(value, ctx);
      if (error && lostInText(error)) ctx.report(value, MESSAGE(value.getText(sf)));
      // console prints an object argument whole: `console.error('failed', { error: e.message })` keeps the text alone;
      // so does a console-backed logger of the project (MiroTalk's `log.error(msg, { error: error.message })`).
      else if ((call.library === 'console' || call.library === 'custom') && ts.isObjectLiteralExpression(value)) for (const inner of nestedErrorText(value, ctx)) if (lost(inner.error)) ctx.report(inner.at, MESSAGE(inner.at.getText(sf)));
    }
    // The error itself filling a placeholder: pino and bunyan format it into the text (`%s`:
    // `Error: boom`, no stack; pino's `%o`/`%j`: `{}`).
    const msg = call.messageArg && unwrap(call.messageArg);
    if ((call.library === 'pino' || call.library === 'bunyan') && msg && ts.isStringLiteralLike(msg)) {
      const consumed = call.restArgs.slice(0, placeholderCount(msg.text));
      for (const a of consumed) {
        if (isErrorValue(a, ctx)) ctx.report(unwrap(a), MESSAGE(unwrap(a).getText(sf)), placeholderFix(call, ctx, msg, a));
      }
    }
    // console and util.format's loggers print an error argument with its stack, except where `%j` takes
    // it: JSON.stringify writes `{}` (cnpmcore's `'... %j', err`, Nightscout's `console.log('Error closing ...: %j', err)`).
    if (printsArgumentsAsConsole(call) && msg && ts.isStringLiteralLike(msg) && msg.text.includes('%j')) {
      const letters = placeholderLetters(msg.text);
      // Past a spread argument the placeholders' arguments are unknown.
      for (let i = 0; i < letters.length && i < call.restArgs.length && !ts.isSpreadElement(call.restArgs[i]); i++) {
        const a = call.restArgs[i];
        if (letters[i] === 'j' && isErrorValue(a, ctx)) ctx.report(unwrap(a), MESSAGE(unwrap(a).getText(sf)));
      }
    }
    // `logger.error(err)` with winston: the error is the record, printed by its message; its stack
    // goes only where the format has errors({ stack: true }).
    const only = call.node.arguments.length === 1 ? call.node.arguments[0] : undefined;
    if (call.library === 'winston' && !call.wrapper && only && call.messageArg === only && !ctx.project.winstonKeepsErrorStacks && isErrorValue(only, ctx)) {
      ctx.report(unwrap(only), WINSTON_ALONE(unwrap(only).getText(sf)));
    }
    // `this.logger.error('failed', err)`: Nest's second argument is a stack string. `this.logger.warn('failed', err)`:
    // log, warn, debug and verbose take further messages and a context there, printed as text (nestjs-pino hands
    // them to pino as format arguments its message does not use: dropped). With a context after it
    // (`Logger.error('failed', err, CONTEXT)`) the error is in the same place.
    const second = call.node.arguments[1];
    if (call.library === 'nestjs' && second && call.node.arguments.length <= 3 && call.messageArg === call.node.arguments[0] && isErrorValue(second, ctx)) {
      const text = unwrap(second).getText(sf);
      ctx.report(unwrap(second), call.method === 'error' ? NEST_STACK(text) : NEST_OPTIONAL(call.method, text));
    }
    // Error text as a field value: `{ error: err.message }` → the error object where the library keeps it.
    const fieldsObj = call.fieldsArg && unwrap(call.fieldsArg);
    if (fieldsObj && ts.isObjectLiteralExpression(fieldsObj)) {
      // A key the project's own winston format serialises errors under keeps them (winstonConfigText.ts).
      const winstonKeeps = (key: string | null) => key !== null && !!ctx.project.winstonErrorKeys?.includes(key);
      // `{ error: err, errorMessage: err.message }`: the error object is logged beside its text (`kept`).
      for (const p of fieldsObj.properties) {
        // winston: `{ error }` / `{ error: err }` is written as `"error":{}`.
        if (call.library === 'winston' && !call.wrapper && (ts.isShorthandPropertyAssignment(p) || ts.isPropertyAssignment(p)) && !winstonKeeps(propertyKey(p))) {
          const value = ts.isShorthandPropertyAssignment(p) ? p.name : p.initializer;
          if (isErrorValue(value, ctx)) {
            const fixes = ts.isPropertyAssignment(p) ? fieldFix(call, ctx, fieldsObj, p, unwrap(value)) : wholeMetaFix(call, ctx, fieldsObj, p.name);
            ctx.report(value, WINSTON_NESTED(value.getText(sf)), fixes);
            continue;
          }
        }
        // pino (and Nest's Logger, nestjs-pino's or its own JSON): `{ error }` is written as `"error":{}`,
        // only `err` has the error serializer, unless the project configures one for other keys.
        if ((call.library === 'pino' || call.library === 'nestjs') && !call.wrapper && !ctx.project.pinoSerialisesOtherKeys && (ts.isShorthandPropertyAssignment(p) || ts.isPropertyAssignment(p))) {
          const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : null;
          const value = ts.isShorthandPropertyAssignment(p) ? p.name : p.initializer;
          if (key !== null && key !== 'err' && isErrorValue(value, ctx)) {
            ctx.report(value, PINO_NESTED(key, value.getText(sf)), call.library === 'pino' ? errKeyFix(call, ctx, p, unwrap(value)) : []);
            continue;
          }
        }
        // bunyan: a serializer for its key (none by default) is the only way an error in the fields object is
        // kept; as the whole fields argument it always is (`log.error(err, 'msg')`).
        const serialized = ctx.project.bunyanSerializedKeys;
        if (call.library === 'bunyan' && !call.wrapper && serialized && (ts.isShorthandPropertyAssignment(p) || ts.isPropertyAssignment(p))) {
          const key = propertyKey(p);
          const value = ts.isShorthandPropertyAssignment(p) ? p.name : p.initializer;
          if (key !== null && !serialized.includes(key) && isErrorValue(value, ctx)) {
            ctx.report(value, BUNYAN_NESTED(key, value.getText(sf)), ts.isPropertyAssignment(p) ? fieldFix(call, ctx, fieldsObj, p, unwrap(value)) : wholeMetaFix(call, ctx, fieldsObj, p.name));
            continue;
          }
        }
        // `const error = \`${err}\`; logger.error({ error }, ...)` (Reaction's bull queue): the text was made a line up.
        if (ts.isShorthandPropertyAssignment(p)) {
          const made = localErrorText(p.name, ctx);
          if (made && lost(made)) ctx.report(p.name, MESSAGE(p.name.text));
          continue;
        }
        if (!ts.isPropertyAssignment(p)) continue;
        const error = errorAsText(p.initializer, ctx);
        if (error) {
          if (lost(error)) ctx.report(p.initializer, MESSAGE(p.initializer.getText(sf)), fieldFix(call, ctx, fieldsObj, p, error));
        }
        // Nested: `metadata: JSON.stringify({ originalError: String(e) })`, `{ cause: { message: e.message } }`;
        // built into the field's text (`message: \`failed to load: ${e}\``) or a few lines up (`{ error: msg }`).
        else for (const inner of [...nestedErrorText(p.initializer, ctx), ...textualErrors(p.initializer, ctx)]) if (lost(inner.error)) ctx.report(inner.at, MESSAGE(inner.at.getText(sf)));
      }
    }
  },
};

/** A property's key as written (`error`, `'error'`), or null for a computed one. */
function propertyKey(p: ts.ShorthandPropertyAssignment | ts.PropertyAssignment): string | null {
  return ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : null;
}

/**
 * The value of a field made by a logging package's own helper (code-server's `field('error',
 * err.message)` of `@coder/logger`): its text is a field's value as `{ error: err.message }` is.
 */
function packageField(arg: ts.Expression, ctx: RuleContext): ts.Expression | null {
  const a = unwrap(arg);
  if (!ts.isCallExpression(a) || a.arguments.length !== 2 || !ts.isIdentifier(a.expression)) return null;
  const from = ctx.importOf(a.expression);
  return from && from.name === 'field' && isOtherLoggingPackage(from.module) ? a.arguments[1] : null;
}

/** Error text inside a field's object value or its `JSON.stringify(...)`, one object deep (no fix: the shape is the project's). */
function nestedErrorText(value: ts.Expression, ctx: RuleContext): Array<{ at: ts.Expression; error: ts.Expression }> {
  let v = unwrap(value);
  if (ts.isCallExpression(v) && v.arguments.length >= 1 && ts.isPropertyAccessExpression(v.expression) && v.expression.name.text === 'stringify') {
    const owner = unwrap(v.expression.expression);
    if (ts.isIdentifier(owner) && owner.text === 'JSON') v = unwrap(v.arguments[0]);
  }
  if (!ts.isObjectLiteralExpression(v)) return [];
  const out: Array<{ at: ts.Expression; error: ts.Expression }> = [];
  for (const p of v.properties) {
    const error = ts.isPropertyAssignment(p) ? errorAsText(p.initializer, ctx) : null;
    if (error) out.push({ at: (p as ts.PropertyAssignment).initializer, error });
  }
  return out;
}

