// log-argument-order: fields passed in the wrong position. pino and bunyan take the fields object
// FIRST and silently drop an object after the message unless a placeholder consumes it
// (`logger.info('saved', { id })` logs no id). winston takes it second, after the message.
import ts from 'typescript';
import type { FixProposal, Rule } from '../rule';
import { unwrap } from '../scopes';
import { constObjectLiteral } from './util/declarations';

export const MESSAGES = {
  pino: (lib: string) => `${lib} drops an object passed after the message; pass the fields first: logger.info({ ... }, 'message').`,
  winston: 'winston takes the message first and the fields second: logger.info(\'message\', { ... }).',
} as const;

/** printf placeholders that consume an argument (`%%` is a literal percent). */
function placeholderCount(message: string): number {
  return (message.replace(/%%/g, '').match(/%[sdifjoOc]/g) ?? []).length;
}

/** Certainly a plain object: an object literal, or a `const` initialised with one in this file. */
function isObject(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isObjectLiteralExpression(u) || (ts.isIdentifier(u) && constObjectLiteral(u) !== null);
}

/** Certainly a string message: a string literal or a template literal. */
function isMessage(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isStringLiteralLike(u) || ts.isTemplateExpression(u);
}

/** Swaps two adjacent arguments, keeping each one's text and whatever lies between them (comma, comments). */
function swap(a: ts.Expression, b: ts.Expression, sf: ts.SourceFile, title: string): FixProposal {
  const start = a.getStart(sf);
  const between = sf.text.slice(a.end, b.getStart(sf));
  return { title, edits: [{ start, end: b.end, newText: `${b.getText(sf)}${between}${a.getText(sf)}` }], safe: true };
}

export const rule: Rule = {
  meta: {
    id: 'log-argument-order',
    description: 'A fields object after the message for pino/bunyan (dropped silently), or before it for winston.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  checkLogCall(call, ctx) {
    const sf = ctx.sourceFile;
    const args = call.node.arguments;
    if (call.library === 'pino' || call.library === 'bunyan') {
      if (call.fieldsArg || !call.messageArg) return;
      const msg = unwrap(call.messageArg);
      if (!ts.isStringLiteralLike(msg)) return;
      // Arguments beyond the placeholders are dropped; flag the first object among them.
      const consumed = placeholderCount(msg.text);
      const dropped = call.restArgs.slice(consumed).find(isObject);
      if (!dropped) return;
      // The fix only reorders the plain (message, object) shape; with format arguments a person decides.
      const plain = consumed === 0 && args.length === 2 && args[0] === call.messageArg && args[1] === dropped;
      ctx.report(dropped, MESSAGES.pino(call.library), plain ? [swap(args[0], args[1], sf, 'Pass the fields object first')] : []);
      return;
    }
    if (call.library === 'winston') {
      const offset = call.method === 'log' ? 1 : 0;
      if (args.length !== offset + 2) return;
      const [obj, msg] = [args[offset], args[offset + 1]];
      if (!isObject(obj) || !isMessage(msg)) return;
      ctx.report(obj, MESSAGES.winston, [swap(obj, msg, sf, 'Pass the message first')]);
    }
  },
};
