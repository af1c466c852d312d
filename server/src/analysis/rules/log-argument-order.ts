// log-argument-order: fields passed in the wrong position. pino and bunyan take the fields object
// FIRST and silently drop an object after the message unless a placeholder consumes it
// (`logger.info('saved', { id })` logs no id). winston takes it second, after the message.
import ts from 'typescript';
import type { Rule } from '../rule';
import { unwrap } from '../scopes';

export const MESSAGES = {
  pino: (lib: string) => `${lib} drops an object passed after the message; pass the fields first: logger.info({ ... }, 'message').`,
  winston: 'winston takes the message first and the fields second: logger.info(\'message\', { ... }).',
} as const;

/** printf placeholders that consume an argument (`%%` is a literal percent). */
function placeholderCount(message: string): number {
  return (message.replace(/%%/g, '').match(/%[sdifjoOc]/g) ?? []).length;
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
      // Arguments beyond the placeholders are dropped; flag the first object literal among them.
      const consumed = placeholderCount(msg.text);
      const dropped = call.restArgs.slice(consumed).find((a) => ts.isObjectLiteralExpression(unwrap(a)));
      if (!dropped) return;
      // The fix only reorders the plain (message, object) shape; with format arguments a person decides.
      const fixes =
        consumed === 0 && call.restArgs.length === 1
          ? [{ title: 'Pass the fields object first', edits: [{ start: args[0].getStart(sf), end: args[1].end, newText: `${args[1].getText(sf)}, ${args[0].getText(sf)}` }], safe: true }]
          : [];
      ctx.report(dropped, MESSAGES.pino(call.library), fixes);
      return;
    }
    if (call.library === 'winston') {
      const offset = call.method === 'log' ? 1 : 0;
      if (args.length !== offset + 2) return;
      const obj = unwrap(args[offset]);
      const msg = unwrap(args[offset + 1]);
      if (!ts.isObjectLiteralExpression(obj) || !ts.isStringLiteralLike(msg)) return;
      const swap = {
        start: args[offset].getStart(sf),
        end: args[offset + 1].end,
        newText: `${args[offset + 1].getText(sf)}, ${args[offset].getText(sf)}`,
      };
      ctx.report(args[offset], MESSAGES.winston, [{ title: 'Pass the message first', edits: [swap], safe: true }]);
    }
  },
};
