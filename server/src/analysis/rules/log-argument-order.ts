// log-argument-order: fields passed in the wrong position. pino and bunyan take the fields object
// (or an error) FIRST. After the message, unless a placeholder consumes it, pino silently drops it
// (`logger.info('saved', { id })` logs no id; `logger.error('failed', err)` logs no error) and
// bunyan formats it into the message text. winston takes the meta second, after the message.
import ts from '../typescriptModule';
import type { FixProposal, Rule, RuleContext } from '../rule';
import { unwrap } from '../scopes';
import { constObjectLiteral } from './util/declarations';
import { isErrorValue } from './util/errors';
import { placeholderCount } from './util/placeholders';

export const MESSAGES = {
  pino: (lib: string) => `${lib} drops an object passed after the message; pass the fields first: logger.info({ ... }, 'message').`,
  bunyan: 'bunyan formats an object passed after the message into the message text; pass the fields first: logger.info({ ... }, \'message\').',
  pinoError: 'pino drops an error passed after the message (no message, no stack in the record); pass it first: logger.error(err, \'message\').',
  bunyanError: 'bunyan formats an error passed after the message into the message text (no structured stack); pass it first: logger.error(err, \'message\').',
  winston: 'winston takes the message first and the fields second: logger.info(\'message\', { ... }).',
  winstonError: 'winston takes the message first and the error second; an error passed first is logged as `{}` and the message is lost: logger.error(\'message\', err).',
} as const;


/** Certainly a plain object: an object literal, or a `const` initialised with one in this file. */
function isObject(e: ts.Expression, ctx: RuleContext): boolean {
  const u = unwrap(e);
  return ts.isObjectLiteralExpression(u) || (ts.isIdentifier(u) && constObjectLiteral(u, ctx) !== null);
}

/** Certainly a string message: a string literal or a template literal. */
function isMessage(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isStringLiteralLike(u) || ts.isTemplateExpression(u);
}

/**
 * Swaps two adjacent arguments, keeping each one's text and whatever lies between them (comma,
 * comments). `unescape` is the message's text with `%%` as `%`: pino and bunyan only format a
 * message that has arguments after it, and after the swap it has none.
 */
function swap(a: ts.Expression, b: ts.Expression, sf: ts.SourceFile, title: string, unescape?: ts.Expression): FixProposal {
  const start = a.getStart(sf);
  const between = sf.text.slice(a.end, b.getStart(sf));
  const text = (e: ts.Expression) => (e === unescape && ts.isStringLiteralLike(unwrap(e)) ? e.getText(sf).replace(/%%/g, '%') : e.getText(sf));
  // In a template `%%` may sit inside a substitution's code: left as it is, and for a person to check.
  const unsure = !!unescape && ts.isTemplateExpression(unwrap(unescape)) && unescape.getText(sf).includes('%');
  return { title, edits: [{ start, end: b.end, newText: `${text(b)}${between}${text(a)}` }], safe: !unsure };
}

export const rule: Rule = {
  meta: {
    id: 'log-argument-order',
    description: 'A fields object or error after the message for pino/bunyan (dropped, or formatted into the text), or before it for winston.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  checkLogCall(call, ctx) {
    const sf = ctx.sourceFile;
    const args = call.node.arguments;
    if (call.library === 'pino' || call.library === 'bunyan') {
      if (!call.messageArg) return;
      const msg = unwrap(call.messageArg);
      // A template's substitutions are values, not format strings: only its literal parts can hold placeholders.
      const literal = ts.isStringLiteralLike(msg) ? msg.text : ts.isTemplateExpression(msg) ? [msg.head, ...msg.templateSpans.map((t) => t.literal)].map((l) => l.text).join(' ') : null;
      if (literal === null) return;
      // Arguments beyond the placeholders are dropped; flag the first object or error among them.
      const consumed = placeholderCount(literal);
      const dropped = call.restArgs.slice(consumed).find((a) => isObject(a, ctx) || isErrorValue(a, ctx));
      if (!dropped) return;
      const error = !isObject(dropped, ctx);
      const message = call.library === 'pino' ? (error ? MESSAGES.pinoError : MESSAGES.pino('pino')) : error ? MESSAGES.bunyanError : MESSAGES.bunyan;
      // The fix only reorders the plain (message, object) shape; with format arguments or a fields
      // object already first (`logger.info({ a }, 'm', { b })`), a person decides.
      const plain = !call.fieldsArg && consumed === 0 && args.length === 2 && args[0] === call.messageArg && args[1] === dropped;
      const title = error ? 'Pass the error first' : 'Pass the fields object first';
      ctx.report(dropped, message, plain ? [swap(args[0], args[1], sf, title, args[0])] : []);
      return;
    }
    if (call.library === 'winston') {
      const offset = call.method === 'log' ? 1 : 0;
      if (args.length !== offset + 2) return;
      const [obj, msg] = [args[offset], args[offset + 1]];
      if (!isMessage(msg)) return;
      if (isObject(obj, ctx)) ctx.report(obj, MESSAGES.winston, [swap(obj, msg, sf, 'Pass the message first')]);
      else if (isErrorValue(obj, ctx)) ctx.report(obj, MESSAGES.winstonError, [swap(obj, msg, sf, 'Pass the message first')]);
    }
  },
};
