// Writes a log call's arguments in structured form: a constant message, a fields object and the
// error where the library keeps one (util/errorPlacement.ts), in the library's argument order
// (pino/bunyan: fields first; winston: message first), laid out as the project formats code
// (callLayout.ts). The message is data and is printed as an escaped string literal.
import ts from '../../typescriptModule';
import type { LogCall, RuleContext } from '../../rule';
import { unwrap } from '../../scopes';
import type { LoggerLibrary, TextEdit } from '../../types';
import { type ArgumentDoc, flatText, layoutArguments } from './callLayout';
import { errorPlacement } from './errorPlacement';
import { propertyKey, stringLiteral } from './literals';
import type { Field } from './structuredMessage';

type Ctx = Pick<RuleContext, 'sourceFile' | 'codeStyle'>;

/**
 * Keys the library writes into every record itself: a field of that name would collide with it
 * (pino's `time`, bunyan's `name`, winston's `timestamp` from its timestamp format), so a field
 * made from a value never takes one (Dokploy's `{ time: new Date().toLocaleString() }`).
 */
const RESERVED_KEYS: Readonly<Record<LoggerLibrary, readonly string[]>> = {
  pino: ['time', 'level', 'msg', 'pid', 'hostname'],
  bunyan: ['time', 'level', 'msg', 'pid', 'hostname', 'name', 'v'],
  winston: ['level', 'message', 'timestamp'],
  log4js: [],
  nestjs: [],
  custom: [],
};

/** Whether the library writes `key` into every record itself (RESERVED_KEYS). */
export function isReservedKey(library: LoggerLibrary, key: string): boolean {
  return RESERVED_KEYS[library].includes(key);
}

/** The keys a fix must not give a new field: those the call already has, and those the library writes (RESERVED_KEYS). */
export function takenKeys(keys: Iterable<string>, library: LoggerLibrary): Set<string> {
  return new Set([...keys, ...RESERVED_KEYS[library]]);
}

/** Keys of an object literal (identifiers and string keys). */
export function objectKeys(obj: ts.ObjectLiteralExpression): Set<string> {
  const keys = new Set<string>();
  for (const p of obj.properties) {
    if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) keys.add(p.name.text);
  }
  return keys;
}

/** Keys already present in the call's fields object literal. */
export function existingKeys(call: LogCall): Set<string> {
  const f = call.fieldsArg && unwrap(call.fieldsArg);
  return f && ts.isObjectLiteralExpression(f) ? objectKeys(f) : new Set();
}

/** The values the call's fields object already logs, by their text: `{ name, id: user.id }` → name → name, user.id → id. */
export function existingFieldValues(call: LogCall, sf: ts.SourceFile): Map<string, string> {
  const out = new Map<string, string>();
  const f = call.fieldsArg && unwrap(call.fieldsArg);
  if (!f || !ts.isObjectLiteralExpression(f)) return out;
  for (const p of f.properties) {
    // The first key a value is logged under is the one a message's slot names.
    const entry = ts.isShorthandPropertyAssignment(p) ? [p.name.text, p.name.text] : ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [unwrap(p.initializer).getText(sf), p.name.text] : null;
    if (entry && !out.has(entry[0])) out.set(entry[0], entry[1]);
  }
  return out;
}

/**
 * Whether adding fields to the call keeps every value it logs: true with no fields object or a
 * literal one whose keys are all known. A spread (`{ ...meta }`) or a fields variable may hold a key
 * the new field would overwrite, or be something spreading changes (an Error, a string).
 */
export function fieldsMergeSafely(call: LogCall): boolean {
  if (!call.fieldsArg) return true;
  const f = unwrap(call.fieldsArg);
  return ts.isObjectLiteralExpression(f) && f.properties.every((p) => !ts.isSpreadAssignment(p) && !!p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)));
}

/**
 * Whether fields written to a `library` call would go unwritten: the project's winston formats print
 * only keys they name (`printf` of timestamp, level and message). A fix moving values out of the
 * message into fields would then lose them from the output: it is offered, never applied by fix-all.
 */
export function fieldsGoUnwritten(library: LoggerLibrary, ctx: Pick<RuleContext, 'project'>): boolean {
  return library === 'winston' && !!ctx.project.winstonDropsFields;
}

/** Whether an error's stack logged through `library` goes unwritten (see winstonDropsStacks). */
export function stackGoesUnwritten(library: LoggerLibrary, ctx: Pick<RuleContext, 'project'>): boolean {
  return library === 'winston' && !!ctx.project.winstonDropsStacks;
}

/**
 * Whether an error moved out of the message into the record leaves the message unwritten: the project's
 * winston printf writes the stack in place of the message when there is one (winstonStackReplacesMessage).
 */
export function errorHidesMessage(library: LoggerLibrary, ctx: Pick<RuleContext, 'project'>): boolean {
  return library === 'winston' && !!ctx.project.winstonStackReplacesMessage;
}

/** What a fix's title adds when its fields go unwritten (fieldsGoUnwritten). */
export const UNWRITTEN_FIELDS_NOTE = " (the project's winston format prints only the message: add the rest to it first)";
/** What a fix's title adds when the error it moves would hide the message (errorHidesMessage). */
export const HIDDEN_MESSAGE_NOTE = " (the project's winston format prints an error's stack in place of the message: the message would go unwritten)";

/** `key` when the value is the same name (shorthand), else `key: value`. */
export function fieldProperty(f: Field, ctx: Ctx): string {
  return f.key === f.valueText ? f.key : `${propertyKey(f.key, ctx.codeStyle())}: ${f.valueText}`;
}

export interface StructuredArguments {
  /** The constant message; null leaves it out (pino/bunyan log the fields alone). */
  message: string | null;
  /** The message's own source text, kept as it is when the message did not change. */
  messageSource?: string;
  fields: Field[];
  /** Source text of the error to log as the error object, or null. */
  error: string | null;
}

/** The message argument: the original literal when unchanged, else the text printed as a string literal. */
export function messageArgument(s: Pick<StructuredArguments, 'message' | 'messageSource'>, ctx: Ctx): ArgumentDoc | null {
  if (s.message === null) return null;
  return { kind: 'code', text: s.messageSource ?? stringLiteral(s.message, ctx.codeStyle()) };
}

/**
 * The call's new arguments, merged with its fields object, or null where the library keeps no
 * form of them: bunyan and winston keep an error only as a whole argument, so an error with other
 * fields has no place there (a person decides).
 */
export function structuredArgumentDocs(call: LogCall, library: LoggerLibrary, s: StructuredArguments, ctx: Ctx): ArgumentDoc[] | null {
  const sf = ctx.sourceFile;
  const args = call.node.arguments;
  // `...args` has no place in a fields object or a message: such calls are left to a person.
  if (args.length === 0 || args.some(ts.isSpreadElement)) return null;
  const placement = s.error === null ? null : errorPlacement(library);
  if (s.error !== null && !placement) return null;
  const added = fieldsFor(call, library, s).map((f) => fieldProperty(f, ctx));
  const msg = messageArgument(s, ctx);
  if (library === 'pino' || library === 'bunyan') {
    let first: ArgumentDoc | null;
    if (placement?.kind === 'fieldsArgument') {
      if (added.length || call.fieldsArg) return null;
      first = { kind: 'code', text: s.error! };
    } else {
      if (placement?.kind === 'field') {
        if (existingKeys(call).has(placement.key)) return null;
        added.unshift(fieldProperty({ key: placement.key, valueText: s.error! }, ctx));
      }
      // Values were evaluated after the fields object: appending them keeps evaluation order.
      first = merged(call.fieldsArg, added, sf, 'end');
    }
    const extra = call.restArgs.map((a): ArgumentDoc => ({ kind: 'code', text: a.getText(sf) }));
    return [...(first ? [first] : []), ...(msg ? [msg] : []), ...extra];
  }
  if (library === 'winston') {
    if (!msg) return null;
    let meta: ArgumentDoc | null;
    if (placement) {
      if (added.length || call.fieldsArg) return null;
      meta = { kind: 'code', text: s.error! };
    } else meta = merged(call.fieldsArg, added, sf, 'start'); // values were evaluated before the meta object
    const level = call.levelArg ? [{ kind: 'code' as const, text: call.levelArg.getText(sf) }] : [];
    const others = call.restArgs.filter((a) => a !== call.fieldsArg).map((a): ArgumentDoc => ({ kind: 'code', text: a.getText(sf) }));
    return [...level, msg, ...(meta ? [meta] : []), ...others];
  }
  return null;
}

/**
 * The fields to write: pino's and bunyan's serializers read an error under `err` only, so a value
 * named `error` (a callback's `(job, error) =>`, not known to be an Error) goes under `err` there,
 * where an Error keeps its message and stack instead of being written as `{}` (Documenso's job worker).
 */
function fieldsFor(call: LogCall, library: LoggerLibrary, s: StructuredArguments): readonly Field[] {
  if ((library !== 'pino' && library !== 'bunyan') || s.error !== null || s.fields.some((f) => f.key === 'err') || existingKeys(call).has('err')) return s.fields;
  return s.fields.map((f) => (f.key === 'error' ? { ...f, key: 'err' } : f));
}

/** The existing fields (their text kept) with the new ones added at the start or end; null when there are none. */
function merged(existing: ts.Expression | undefined, added: string[], sf: ts.SourceFile, at: 'start' | 'end'): ArgumentDoc | null {
  if (!existing) return added.length ? { kind: 'object', properties: added } : null;
  if (!added.length) return { kind: 'code', text: existing.getText(sf) };
  const e = unwrap(existing);
  const kept = ts.isObjectLiteralExpression(e) ? e.properties.map((p) => p.getText(sf)) : [`...${existing.getText(sf)}`];
  return { kind: 'object', properties: at === 'start' ? [...added, ...kept] : [...kept, ...added] };
}

/** An edit replacing the call's arguments with the structured ones; null for calls it cannot rewrite. */
export function rewriteArguments(call: LogCall, library: LoggerLibrary, s: StructuredArguments, ctx: Ctx): TextEdit | null {
  const docs = structuredArgumentDocs(call, library, s, ctx);
  return docs ? argumentsEdit(call.node, docs, ctx) : null;
}

/**
 * The edit writing `docs` as the call's arguments, laid out for the line they are on. The whole
 * space between the parentheses is rewritten (line breaks included), unless a comment sits between
 * a parenthesis and an argument: then only the arguments are, on one line, and the comment stays.
 * `callee` is the callee's new text when another edit replaces it (the line's width changes).
 */
export function argumentsEdit(node: ts.CallExpression, docs: readonly ArgumentDoc[], ctx: Ctx, callee?: string): TextEdit {
  const sf = ctx.sourceFile;
  const text = sf.text;
  const style = ctx.codeStyle();
  const args = node.arguments;
  const open = args.pos - 1;
  const close = node.end - 1;
  const first = args.length ? args[0].getStart(sf) : args.pos;
  const last = args.length ? args[args.length - 1].end : args.pos;
  const gaps = text.slice(open + 1, first) + text.slice(last, close);
  const whole = text[open] === '(' && text[close] === ')' && !gaps.includes('//') && !gaps.includes('/*');
  if (!whole) return { start: first, end: last, newText: docs.map((d) => flatText(d, style)).join(', ') };
  const lineStart = text.lastIndexOf('\n', open) + 1;
  const calleeStart = node.expression.getStart(sf);
  // Only a call that is its line's statement is broken over lines here: inside a larger expression
  // (an arrow's body, a condition) Prettier would break the outer code first, which is not ours to rewrite.
  if (!isLineStatement(node, text.slice(text.lastIndexOf('\n', calleeStart) + 1, calleeStart))) {
    return { start: open + 1, end: close, newText: docs.map((d) => flatText(d, style)).join(', ') };
  }
  const lineEndAt = text.indexOf('\n', close);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const before =
    callee !== undefined && calleeStart >= lineStart
      ? text.slice(lineStart, calleeStart) + callee + text.slice(node.expression.end, open + 1)
      : text.slice(lineStart, open + 1);
  // A comment ending the line is not measured, as Prettier does not.
  let after = text.slice(close, lineEnd);
  const comment = after.indexOf(' //');
  if (comment >= 0) after = after.slice(0, comment);
  const place = { indentation: /^[ \t]*/.exec(text.slice(lineStart, open))![0], before, after: after.trimEnd() };
  return { start: open + 1, end: close, newText: layoutArguments(docs, place, style) };
}

/** `logger.info(...)`, `await log.flush(...)`, `return logger.info(...)` as a statement starting its line. */
function isLineStatement(node: ts.CallExpression, beforeCallee: string): boolean {
  let n: ts.Node = node;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isVoidExpression(n.parent) || ts.isParenthesizedExpression(n.parent))) n = n.parent;
  if (!n.parent || !(ts.isExpressionStatement(n.parent) || ts.isReturnStatement(n.parent))) return false;
  return /^[ \t]*(?:(?:return|await|void)[ \t]+)*$/.test(beforeCallee);
}
