// console-logging: console output in service code. It has no levels a collector understands, no
// fields, no request context; in production it is unstructured text on stdout. Tests, scripts and
// CLI entry points print on purpose and are not flagged.
import ts from 'typescript';
import type { FixProposal, LogCall, Rule, RuleContext } from '../rule';
import { unwrap } from '../scopes';
import type { LoggerLibrary } from '../types';
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
function structure(call: LogCall, ctx: RuleContext, library: LoggerLibrary): { message: string | null; fields: Field[]; safe: boolean } | null {
  const args = call.node.arguments;
  if (args.length === 0) return null;
  const sf = ctx.sourceFile;
  const first = unwrap(args[0]);
  let message: string | null = null;
  let values: ts.Expression[] = [];
  let safe = true;
  if (ts.isStringLiteralLike(first)) {
    // printf-style placeholders would no longer be filled the same way.
    if (/%[sdifjoOc]/.test(first.text)) return null;
    message = first.text;
    values = args.slice(1);
  } else {
    const parts = messageParts(first);
    if (parts) {
      message = constantMessage(parts) || null;
      values = [...parts.flatMap((p) => (p.kind === 'value' ? [p.expr] : [])), ...args.slice(1)];
    } else values = [...args];
  }
  if (message === null) {
    safe = false;
    message = 'log';
  }
  const errorKey = library === 'winston' ? 'error' : 'err';
  const taken = new Set<string>();
  const fields: Field[] = [];
  for (const v of values) {
    if (isErrorValue(v) && !taken.has(errorKey)) {
      taken.add(errorKey);
      const text = v.getText(sf);
      fields.push({ key: errorKey, valueText: text });
      continue;
    }
    const e = unwrap(v);
    // Values without a name get `value`, `value2`: the information is kept, the name is invented.
    if (!ts.isIdentifier(e) && !ts.isPropertyAccessExpression(e)) safe = false;
    fields.push(...fieldsFor([v], sf, new Set([...taken, ...fields.map((f) => f.key)])));
  }
  return { message, fields, safe };
}

function fixFor(call: LogCall, ctx: RuleContext): FixProposal[] {
  const logger = ctx.findLogger(call.node);
  if (!logger) return [];
  const library = logger.library;
  const s = structure(call, ctx, library);
  if (!s) return [];
  const level = levelFor(call.method, library);
  const msg = quote(s.message ?? '', ctx.text);
  const obj = s.fields.length ? `{ ${s.fields.map(fieldText).join(', ')} }` : null;
  let args: string;
  if (library === 'pino' || library === 'bunyan') args = [obj, msg].filter(Boolean).join(', ');
  else if (library === 'winston') args = [msg, obj].filter(Boolean).join(', ');
  else if (s.fields.length === 0) args = msg;
  else return []; // log4js and NestJS have no fields object convention
  const edit = { start: call.node.getStart(ctx.sourceFile), end: call.node.end, newText: `${logger.expression}.${level}(${args})` };
  return [{ title: `Replace with ${logger.expression}.${level}(...)`, edits: [...logger.edits, edit], safe: s.safe }];
}

export const rule: Rule = {
  meta: {
    id: 'console-logging',
    description: 'console logging in service code (not in tests, scripts or CLI entry points).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  checkLogCall(call, ctx) {
    if (call.library !== 'console' || ctx.fileKind !== 'service') return;
    const callee = call.node.expression;
    ctx.report({ start: callee.getStart(ctx.sourceFile), end: callee.end }, MESSAGE(call.method), fixFor(call, ctx));
  },
};
