// console-logging: console output in service code. It has no levels a collector understands, no
// fields, no request context; in production it is unstructured text on stdout. Tests, scripts and
// CLI entry points print on purpose and are not flagged.
import ts from '../typescriptModule';
import type { FixProposal, LogCall, Rule, RuleContext } from '../rule';
import { unwrap } from '../scopes';
import type { LoggerLibrary } from '../types';
import type { ArgumentDoc } from './util/callLayout';
import { commentsBetweenArguments } from './util/comments';
import { messageParts, type Part } from './util/messageParts';
import { errorLoggedBeside, LOGGED_BESIDE_NOTE } from './util/loggedBeside';
import { argumentsEdit, errorHidesMessage, fieldsGoUnwritten, HIDDEN_MESSAGE_NOTE, isReservedKey, stackGoesUnwritten, takenKeys, messageArgument, structuredArgumentDocs, UNWRITTEN_FIELDS_NOTE } from './util/structuredCall';
import { type Field, objectLiteralFields, printedValue, structureMessage } from './util/structuredMessage';
import { isConsoleOutsideService } from './util/fileRole';
import { runsOnlyUnderTests } from './util/developmentOnly';
import { writesJsonRecord } from './util/jsonRecord';
import { loggerClosedBefore } from './util/loggerClosed';
import { commentSaysOnPurpose, DELIBERATE_NOTE } from './util/deliberateConsole';

export const MESSAGE = (method: string) =>
  `console.${method} in service code writes unstructured text; use the project's logger, which writes structured records with levels.`;

/** `start().catch(console.error)`, `process.on('unhandledRejection', console.error)`: console's method handed over as a callback. */
export const CALLBACK_MESSAGE = (method: string) =>
  `console.${method} as a callback in service code writes what it is given as unstructured text; pass a function that logs with the project's logger.`;

/** A logger that is console by its type or value (`this.logger = options.logger || console`, `out: Console`). */
export const INJECTED_MESSAGE = (receiver: string, method: string) =>
  `\`${receiver}\` is console: its ${method}() in service code writes unstructured text; use the project's logger, which writes structured records with levels.`;

/** The global console itself (`console`, `globalThis.console`, a variable made from it), not a value injected in its place. */
function isGlobalConsole(receiver: ts.Expression, ctx: RuleContext): boolean {
  const r = unwrap(receiver);
  if ((ts.isIdentifier(r) && r.text === 'console') || (ts.isPropertyAccessExpression(r) && r.name.text === 'console')) return true;
  const d = ts.isIdentifier(r) ? ctx.declarationOf(r) : null;
  const init = d && ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : null;
  return !!init && ((ts.isIdentifier(init) && init.text === 'console') || (ts.isPropertyAccessExpression(init) && init.name.text === 'console'));
}

const LEVELS: Record<string, string> = { log: 'info', info: 'info', warn: 'warn', error: 'error', debug: 'debug', trace: 'trace' };

function levelFor(method: string, library: LoggerLibrary): string {
  const level = LEVELS[method] ?? 'info';
  if (library === 'winston' && level === 'trace') return 'debug';
  if (library === 'nestjs') return level === 'info' ? 'log' : level === 'trace' ? 'verbose' : level;
  return level;
}

/** What a console call's arguments become: a message, fields and an error, and whether nothing is lost on the way. */
interface ConsoleStructure {
  message: string;
  /** The first argument's source text when it is the whole message, unchanged. */
  messageSource?: string;
  fields: Field[];
  error: ts.Expression | null;
  safe: boolean;
}

/** What an argument contributes: message parts, or an object literal's properties as fields. */
type Contribution = { kind: 'parts'; from: number; to: number } | { kind: 'object'; fields: Field[] };

function structure(call: LogCall, ctx: RuleContext, library: LoggerLibrary): ConsoleStructure | null {
  const args = call.node.arguments;
  // `...args` has no place in a fields object or a message: such calls are left to a person.
  if (args.length === 0 || args.some(ts.isSpreadElement)) return null;
  const sf = ctx.sourceFile;
  const first = unwrap(args[0]);
  // printf-style placeholders would no longer be filled the same way.
  if (ts.isStringLiteralLike(first) && /%[sdifjoOc]/.test(first.text)) return null;
  // `console.error(message)`: the one argument the code names as the message is the message (Reaction's
  // job messages). As a field (`{ message }`) bunyan and pino would write an empty message beside it.
  const text = args.length === 1 ? messageVariableText(first, ctx) : null;
  if (text) return { message: first.getText(sf), messageSource: first.getText(sf), fields: [], error: null, safe: text === 'text' };
  // console prints its arguments separated by spaces: strings are text, other values are values.
  const parts: Part[] = [];
  const contributions: Contribution[] = [];
  const objectKeys = new Set<string>();
  let safe = true;
  // Adjacent texts are one text: `'Mode', isProd ? ...` reads "Mode <value>".
  const pushText = (text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + text };
    else parts.push({ kind: 'text', text });
  };
  args.forEach((a, i) => {
    const e = unwrap(a);
    if (i > 0) pushText(' ');
    if (ts.isStringLiteralLike(e)) {
      // With arguments to format, console prints `%%` as `%`; the new call's message is not formatted.
      pushText(i === 0 && args.length > 1 ? e.text.replace(/%%/g, '%') : e.text);
      return;
    }
    // `JSON.stringify({ id })` was there to print the object: its properties are fields (their shape in the record changes).
    const printed = printedValue(e);
    const obj = ts.isObjectLiteralExpression(e) ? e : printed && ts.isObjectLiteralExpression(unwrap(printed)) ? (unwrap(printed) as ts.ObjectLiteralExpression) : null;
    const props = obj && objectLiteralFields(obj, sf, objectKeys);
    if (props) {
      if (obj !== e) safe = false;
      for (const f of props) objectKeys.add(f.key);
      contributions.push({ kind: 'object', fields: props });
      return;
    }
    const from = parts.length;
    for (const p of messageParts(e) ?? [{ kind: 'value' as const, expr: a }]) {
      if (p.kind === 'text') pushText(p.text);
      else parts.push(p);
    }
    contributions.push({ kind: 'parts', from: Math.max(0, from - 1), to: parts.length });
  });
  const s = structureMessage(parts, ctx, sf, takenKeys(objectKeys, library));
  if (!s) return null;
  // The fields in argument order, object literals' properties where the object was.
  const fields: Field[] = [];
  for (const c of contributions) {
    if (c.kind === 'object') fields.push(...c.fields);
    else for (let i = c.from; i < c.to; i++) {
      const f = s.byPart.get(i);
      if (f && !fields.includes(f)) fields.push(f);
    }
  }
  const whole = args.length === 1 && ts.isStringLiteralLike(first) ? args[0].getText(sf) : undefined;
  // Strings console joined with spaces (`'\n', 'Specify --help'`) read as one message: spacing collapsed.
  const message = args.length > 1 ? s.message.replace(/\s+/g, ' ').trim() : s.message;
  // An object console printed whole keeps its keys: one the library writes itself (`{ time, level }`
  // under pino) would be written twice in the record, so a person decides.
  const collides = [...objectKeys].some((k) => isReservedKey(library, k));
  return { message, messageSource: whole, fields, error: s.error, safe: safe && !s.reshaped && !s.invented && !s.glued && !collides };
}

/** Names that say a variable holds a message's text. */
const MESSAGE_NAMES = /^(?:message|msg|text|logMessage|errorMessage|warningMessage)$/;

/**
 * Whether the one argument is a variable named as the message: 'text' when it certainly holds text (a
 * `const`/`let` initialised with a string, a parameter typed `string`), 'maybe' when nothing says what
 * it holds (an untyped JavaScript parameter: Reaction's `echo(type, message)`; the fix is then offered,
 * not applied, since an object or a Buffer would be merged into the record), null when it is declared
 * as something else (`(message: Buffer) => ...`, `const msg = await channel.get()`): the value path then.
 */
function messageVariableText(e: ts.Expression, ctx: RuleContext): 'text' | 'maybe' | null {
  if (!ts.isIdentifier(e) || !MESSAGE_NAMES.test(e.text)) return null;
  const d = ctx.declarationOf(e);
  if (!d) return 'maybe';
  if (ts.isParameter(d)) return !d.type ? 'maybe' : d.type.kind === ts.SyntaxKind.StringKeyword ? 'text' : null;
  if (d.type) return d.type.kind === ts.SyntaxKind.StringKeyword ? 'text' : null;
  return d.initializer && isStringValued(unwrap(d.initializer)) ? 'text' : null;
}

/**
 * A string literal, a template, or a `+` with one somewhere among its terms. An explicit stack, not
 * recursion: a generated `+` chain may be thousands of terms deep.
 */
function isStringValued(e: ts.Expression): boolean {
  const stack: ts.Expression[] = [e];
  while (stack.length) {
    const x = unwrap(stack.pop()!);
    if (ts.isStringLiteralLike(x) || ts.isTemplateExpression(x)) return true;
    if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.PlusToken) stack.push(x.right, x.left);
  }
  return false;
}

function fixFor(call: LogCall, ctx: RuleContext): FixProposal[] {
  const logger = ctx.findLogger(call.node);
  // After `logger.close()` the logger writes nowhere: console is used on purpose there.
  if (!logger || loggerClosedBefore(call.node, logger.expression, ctx.sourceFile)) return [];
  const library = logger.library;
  const s = structure(call, ctx, library);
  if (!s) return [];
  const level = levelFor(call.method, library);
  const callee = `${logger.expression}.${level}`;
  let safe = s.safe;
  // pino and bunyan need no message (`logger.error({ err })` keeps everything); winston shows one,
  // so a neutral one is invented there and the fix is not applied by fix-all.
  let message: string | null = s.message;
  if (!message) {
    if (library === 'pino' || library === 'bunyan') message = null;
    else {
      message = 'log';
      safe = false;
    }
  }
  const structured = { message, messageSource: message === s.message ? s.messageSource : undefined, fields: s.fields, error: s.error?.getText(ctx.sourceFile) ?? null };
  let docs: ArgumentDoc[] | null;
  if (library === 'pino' || library === 'bunyan' || library === 'winston') {
    // A call shaped like a fresh one: no fields argument or rest arguments to merge with.
    docs = structuredArgumentDocs({ ...call, fieldsArg: undefined, levelArg: undefined, restArgs: [] }, library, structured, ctx);
  } else {
    // log4js and NestJS have no fields object convention: only a plain message moves over.
    const msg = messageArgument(structured, ctx);
    docs = s.fields.length === 0 && !s.error && msg ? [msg] : null;
  }
  if (!docs) return [];
  // Callee and arguments are replaced separately: comments around the callee stay.
  const sf = ctx.sourceFile;
  const calleeEdit = { start: call.node.expression.getStart(sf), end: call.node.expression.end, newText: callee };
  const edits = [...logger.edits, calleeEdit, argumentsEdit(call.node, docs, ctx, callee)];
  // An injected console (`this.logger = options.logger || console`) may be replaced by its caller: writing
  // to the project's logger instead bypasses that, so a person decides.
  // console printed an error with its stack: a winston format printing only the message would lose it.
  // Or one printing the stack in place of the message: the console's line would go unwritten.
  const hidden = !!s.error && errorHidesMessage(library, ctx);
  const unwritten = (s.fields.length > 0 && fieldsGoUnwritten(library, ctx)) || (!!s.error && stackGoesUnwritten(library, ctx)) || hidden;
  safe = safe && !unwritten && !commentsBetweenArguments(call.node.arguments, sf) && (call.receiver === call.node.expression || isGlobalConsole(call.receiver, ctx));
  // A comment saying the console call is on purpose: a person decides.
  const deliberate = commentSaysOnPurpose(call.node, sf);
  const twice = !!s.error && errorLoggedBeside(call.node, s.error, ctx);
  const note = hidden ? HIDDEN_MESSAGE_NOTE : unwritten ? UNWRITTEN_FIELDS_NOTE : deliberate ? DELIBERATE_NOTE : twice ? LOGGED_BESIDE_NOTE : '';
  return [{ title: `Replace with ${callee}(...)${note}`, edits, safe: safe && !deliberate && !twice }];
}

export const rule: Rule = {
  meta: {
    id: 'console-logging',
    description: 'console logging in service code (not in tests, scripts or CLI entry points).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  // Console's methods handed to another call as a callback are console output too, in a file that names console.
  mayApply: { words: ['console'] },
  checkCall(node, ctx) {
    if (ctx.fileKind !== 'service' || !node.arguments || runsOnlyUnderTests(node, ctx)) return;
    for (const a of node.arguments) {
      const u = unwrap(a);
      if (ts.isPropertyAccessExpression(u) && Object.prototype.hasOwnProperty.call(LEVELS, u.name.text) && isGlobalConsole(u.expression, ctx)) ctx.report(u, CALLBACK_MESSAGE(u.name.text));
    }
  },
  checkLogCall(call, ctx) {
    if (call.library !== 'console' || isConsoleOutsideService(call, ctx) || runsOnlyUnderTests(call.node, ctx) || writesJsonRecord(call, ctx)) return;
    const callee = call.node.expression;
    // `log(...)` destructured from console has the console as no receiver of its own.
    const message = call.receiver === callee || isGlobalConsole(call.receiver, ctx) ? MESSAGE(call.method) : INJECTED_MESSAGE(call.receiver.getText(ctx.sourceFile), call.method);
    ctx.report({ start: callee.getStart(ctx.sourceFile), end: callee.end }, message, fixFor(call, ctx));
  },
};
