// console-logging: console output in service code. It has no levels a collector understands, no
// fields, no request context; in production it is unstructured text on stdout. Tests, scripts and
// CLI entry points print on purpose and are not flagged.
import ts from 'typescript';
import type { FixProposal, LogCall, Rule, RuleContext } from '../rule';
import { unwrap } from '../scopes';
import type { LoggerLibrary } from '../types';
import { argumentsRange, commentsBetweenArguments } from './util/comments';
import { errorPlacement } from './util/errorPlacement';
import { isConsoleOutsideService } from './util/fileRole';
import { isErrorValue } from './util/errors';
import { constantMessage, type Field, fieldsFor, fieldText, messageParts, quote } from './util/messageParts';

export const MESSAGE = (method: string) =>
  `console.${method} in service code writes unstructured text; use the project's logger, which writes structured records with levels.`;

const LEVELS: Record<string, string> = { log: 'info', info: 'info', warn: 'warn', error: 'error', debug: 'debug', trace: 'trace' };

function levelFor(method: string, library: LoggerLibrary): string {
  const level = LEVELS[method] ?? 'info';
  if (library === 'winston' && level === 'trace') return 'debug';
  if (library === 'nestjs') return level === 'info' ? 'log' : level === 'trace' ? 'verbose' : level;
  return level;
}

/** The message and fields a console call's arguments become, and whether nothing is lost on the way. */
type ConsoleField = Field & { isError?: boolean };

function structure(call: LogCall, ctx: RuleContext, library: LoggerLibrary): { message: string | null; fields: ConsoleField[]; safe: boolean } | null {
  const args = call.node.arguments;
  // `...args` has no place in a fields object or a message: such calls are left to a person.
  if (args.length === 0 || args.some(ts.isSpreadElement)) return null;
  const sf = ctx.sourceFile;
  const first = unwrap(args[0]);
  let message: string | null = null;
  let values: ts.Expression[] = [];
  let safe = true;
  if (ts.isStringLiteralLike(first)) {
    // printf-style placeholders would no longer be filled the same way.
    if (/%[sdifjoOc]/.test(first.text)) return null;
    // With arguments to format, console prints `%%` as `%`; the new call's message is not formatted.
    message = args.length > 1 ? first.text.replace(/%%/g, '%') : first.text;
    values = args.slice(1);
  } else {
    const parts = messageParts(first);
    if (parts) {
      message = constantMessage(parts) || null;
      values = [...parts.flatMap((p) => (p.kind === 'value' ? [p.expr] : [])), ...args.slice(1)];
    } else values = [...args];
  }
  // pino and bunyan need no message (`logger.error({ err })` keeps everything); winston shows one,
  // so a neutral one is invented there and the fix is not applied by fix-all.
  if (message === null && library !== 'pino' && library !== 'bunyan') {
    safe = false;
    message = 'log';
  }
  // pino keeps an error under `err`; bunyan and winston only as the whole argument (see fixFor).
  const errorKey = 'err';
  const taken = new Set<string>();
  const fields: ConsoleField[] = [];
  for (const v of values) {
    // A second error would go under another key, where it is written as `{}`: no fix.
    if (isErrorValue(v, ctx) && taken.has(errorKey)) return null;
    if (isErrorValue(v, ctx)) {
      taken.add(errorKey);
      const text = v.getText(sf);
      fields.push({ key: errorKey, valueText: text, isError: true });
      continue;
    }
    let e = unwrap(v);
    // `JSON.stringify(x)` was there to print x: log x itself (its shape in the record changes).
    const inner = stringified(e);
    if (inner) {
      safe = false;
      e = unwrap(inner);
    }
    // An object literal's properties are fields already: `console.log('x', { id })` → `{ id }`.
    const props = ts.isObjectLiteralExpression(e) ? objectFields(e, sf, new Set([...taken, ...fields.map((f) => f.key)])) : null;
    if (props) {
      fields.push(...props);
      continue;
    }
    // Values without a name get `value`, `value2`: the information is kept, the name is invented.
    if (!ts.isIdentifier(e) && !ts.isPropertyAccessExpression(e)) safe = false;
    fields.push(...fieldsFor([inner ?? v], sf, new Set([...taken, ...fields.map((f) => f.key)])));
  }
  return { message, fields, safe };
}

/** The argument of `JSON.stringify(x)`, else null. */
function stringified(e: ts.Expression): ts.Expression | null {
  if (!ts.isCallExpression(e) || e.arguments.length !== 1) return null;
  const c = e.expression;
  const isStringify = ts.isPropertyAccessExpression(c) && c.name.text === 'stringify' && ts.isIdentifier(c.expression) && c.expression.text === 'JSON';
  return isStringify ? e.arguments[0] : null;
}

/** The properties of an object literal as fields, when each is a plain `key: value` or shorthand with a free key. */
function objectFields(obj: ts.ObjectLiteralExpression, sf: ts.SourceFile, taken: Set<string>): Field[] | null {
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

function fixFor(call: LogCall, ctx: RuleContext): FixProposal[] {
  const logger = ctx.findLogger(call.node);
  if (!logger) return [];
  const library = logger.library;
  const s = structure(call, ctx, library);
  if (!s) return [];
  const level = levelFor(call.method, library);
  const msg = s.message === null ? null : quote(s.message, ctx.text);
  let obj = s.fields.length ? `{ ${s.fields.map(fieldText).join(', ')} }` : null;
  // bunyan and winston write an error inside an object as `{}` (util/errorPlacement.ts): it must be
  // the whole fields / meta argument, which leaves no room for other values.
  const error = s.fields.find((f) => f.isError);
  if (error && library !== 'pino' && errorPlacement(library)) {
    if (s.fields.length !== 1) return [];
    obj = error.valueText;
  }
  let args: string;
  if (library === 'pino' || library === 'bunyan') args = [obj, msg].filter(Boolean).join(', ');
  else if (library === 'winston') args = [msg, obj].filter(Boolean).join(', ');
  else if (s.fields.length === 0 && msg) args = msg;
  else return []; // log4js and NestJS have no fields object convention
  // Callee and arguments are replaced separately: comments around the arguments stay.
  const sf = ctx.sourceFile;
  const range = argumentsRange(call.node.arguments, sf)!;
  const callee = { start: call.node.expression.getStart(sf), end: call.node.expression.end, newText: `${logger.expression}.${level}` };
  const edits = [...logger.edits, callee, { ...range, newText: args }];
  const safe = s.safe && !commentsBetweenArguments(call.node.arguments, sf);
  return [{ title: `Replace with ${logger.expression}.${level}(...)`, edits, safe }];
}

export const rule: Rule = {
  meta: {
    id: 'console-logging',
    description: 'console logging in service code (not in tests, scripts or CLI entry points).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  checkLogCall(call, ctx) {
    if (call.library !== 'console' || isConsoleOutsideService(call, ctx)) return;
    const callee = call.node.expression;
    ctx.report({ start: callee.getStart(ctx.sourceFile), end: callee.end }, MESSAGE(call.method), fixFor(call, ctx));
  },
};
