// error-not-serialized: an error logged as text (`err.message`, `String(err)`, `${err}`,
// `err.toString()`) instead of the error object. Text loses the stack, the type and the cause;
// pino and winston serialise error objects with all three.
import ts from 'typescript';
import type { FixProposal, LogCall, Rule, RuleContext } from '../rule';
import { unwrap } from '../scopes';
import { commentsBetweenArguments } from './util/comments';
import { errorAsText, isErrorValue } from './util/errors';
import { constantMessage, type Field, fieldsFor, messageParts } from './util/messageParts';
import { existingKeys, fieldsMergeSafely, rewriteArguments } from './util/structuredCall';

export const MESSAGE = (text: string) => `\`${text}\` logs the error as text, which loses its stack and type; log the error object instead.`;

/** The error key each library's serialisers expect. */
function errorKey(library: string): string {
  return library === 'winston' ? 'error' : 'err';
}

/** Textual uses of an error inside an expression used as the message: the whole of it, or template/concat parts. */
function textualErrors(expr: ts.Expression): Array<{ at: ts.Expression; error: ts.Expression }> {
  const whole = errorAsText(expr);
  if (whole) return [{ at: unwrap(expr), error: whole }];
  const parts = messageParts(expr);
  if (!parts) return [];
  const out: Array<{ at: ts.Expression; error: ts.Expression }> = [];
  for (const p of parts) {
    if (p.kind !== 'value') continue;
    const e = errorAsText(p.expr) ?? (isErrorValue(p.expr) ? unwrap(p.expr) : null);
    if (e) out.push({ at: unwrap(p.expr), error: e });
  }
  return out;
}

function messageFix(call: LogCall, ctx: RuleContext, error: ts.Expression): FixProposal[] {
  const library = ctx.libraryFor(call);
  if (call.library === 'console' || call.library === 'log4js' || call.library === 'nestjs' || !call.messageArg) return [];
  if (call.fieldsArg && !ts.isObjectLiteralExpression(unwrap(call.fieldsArg))) return [];
  if ((library === 'pino' || library === 'bunyan') && call.restArgs.length > 0) return [];
  const sf = ctx.sourceFile;
  const key = errorKey(library);
  const taken = existingKeys(call);
  if (taken.has(key)) return [];
  const errorText = error.getText(sf);
  const errorField: Field = { key, valueText: errorText };
  const parts = messageParts(call.messageArg);
  let message: string;
  let others: ts.Expression[] = [];
  if (parts) {
    message = constantMessage(parts);
    others = parts.flatMap((p) => (p.kind === 'value' && !errorAsText(p.expr) && !isErrorValue(p.expr) ? [p.expr] : []));
  } else message = '';
  if (!message && (library === 'pino' || library === 'bunyan') && others.length === 0 && !call.fieldsArg) {
    // The message was the error's text alone: pino and bunyan take the error itself and use its
    // message as the record's (`logger.error(err)`). The text changes (no `Error: ` prefix): not safe.
    const range = { start: call.messageArg.getStart(sf), end: call.messageArg.end };
    return [{ title: 'Log the error object', edits: [{ ...range, newText: errorText }], safe: false }];
  }
  // With no constant text left, a message must be invented: offered, but not applied by fix-all.
  const safe = message !== '' && fieldsMergeSafely(call) && !commentsBetweenArguments(call.node.arguments, sf);
  if (!message) message = `${call.method} failed`;
  const fields = [errorField, ...fieldsFor(others, sf, new Set([...taken, key]))];
  const edit = rewriteArguments(call, library, message, fields, sf, ctx.text);
  return edit ? [{ title: `Log the error object as \`${key}\``, edits: [edit], safe }] : [];
}

export const rule: Rule = {
  meta: {
    id: 'error-not-serialized',
    description: 'Errors logged as text (err.message, String(err), `${err}`, err.toString()) instead of the error object.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  checkLogCall(call, ctx) {
    const sf = ctx.sourceFile;
    if (call.messageArg) {
      const found = textualErrors(call.messageArg);
      if (found.length) {
        const fixes = found.length === 1 ? messageFix(call, ctx, found[0].error) : [];
        for (const f of found) ctx.report(f.at, MESSAGE(f.at.getText(sf)), fixes);
      }
    }
    // Error text as a format argument or another console argument: `logger.error('failed %s', err.message)`.
    for (const a of call.restArgs) {
      if (a === call.fieldsArg) continue;
      const error = errorAsText(a);
      if (error) ctx.report(unwrap(a), MESSAGE(unwrap(a).getText(sf)));
    }
    // Error text as a field value: `{ error: err.message }` → the error object under the library's key.
    const fieldsObj = call.fieldsArg && unwrap(call.fieldsArg);
    if (fieldsObj && ts.isObjectLiteralExpression(fieldsObj)) {
      const library = ctx.libraryFor(call);
      for (const p of fieldsObj.properties) {
        if (!ts.isPropertyAssignment(p)) continue;
        const error = errorAsText(p.initializer);
        if (!error) continue;
        const key = errorKey(library);
        const keys = existingKeys(call);
        const currentKey = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : '';
        const errText = error.getText(sf);
        const newKey = keys.has(key) && currentKey !== key ? currentKey : key;
        const newText = newKey === errText ? newKey : `${newKey}: ${errText}`;
        const fixes: FixProposal[] =
          call.library === 'console' ? [] : [{ title: `Log the error object as \`${newKey}\``, edits: [{ start: p.getStart(sf), end: p.end, newText }], safe: true }];
        ctx.report(p.initializer, MESSAGE(p.initializer.getText(sf)), fixes);
      }
    }
  },
};
