// Writes a log call's arguments in structured form: a constant message plus a fields object, in
// the argument order of the library (pino/bunyan: fields first; winston: message first).
import ts from 'typescript';
import type { LogCall } from '../../rule';
import { unwrap } from '../../scopes';
import type { LoggerLibrary, TextEdit } from '../../types';
import { type Field, mergeFields, objectKeys, quote } from './messageParts';

/** Keys already present in the call's fields object literal. */
export function existingKeys(call: LogCall): Set<string> {
  const f = call.fieldsArg && unwrap(call.fieldsArg);
  return f && ts.isObjectLiteralExpression(f) ? objectKeys(f) : new Set();
}

/** Whether new fields can be written into the call: no fields object, or a literal one. */
export function fieldsAreLiteral(call: LogCall): boolean {
  return !call.fieldsArg || ts.isObjectLiteralExpression(unwrap(call.fieldsArg));
}

/**
 * An edit replacing the call's arguments with `message` and `fields` (merged into an existing
 * literal fields object), keeping winston's level argument. Null for calls it cannot rewrite.
 */
export function rewriteArguments(call: LogCall, library: LoggerLibrary, message: string, fields: Field[], sf: ts.SourceFile, text: string): TextEdit | null {
  const args = call.node.arguments;
  if (args.length === 0) return null;
  const existing = call.fieldsArg && ts.isObjectLiteralExpression(unwrap(call.fieldsArg)) ? (unwrap(call.fieldsArg) as ts.ObjectLiteralExpression) : undefined;
  const msg = quote(message, text);
  let newArgs: string[];
  if (library === 'pino' || library === 'bunyan') {
    // Values were evaluated after the fields object: appending them keeps evaluation order.
    const obj = fields.length || existing ? mergeFields(existing, fields, sf, 'end') : null;
    const extra = call.restArgs.map((a) => a.getText(sf));
    newArgs = [...(obj ? [obj] : []), msg, ...extra];
  } else if (library === 'winston') {
    const obj = fields.length || existing ? mergeFields(existing, fields, sf, 'start') : null;
    const level = call.levelArg ? [call.levelArg.getText(sf)] : [];
    const others = call.restArgs.filter((a) => a !== call.fieldsArg).map((a) => a.getText(sf));
    newArgs = [...level, msg, ...(obj ? [obj] : []), ...others];
  } else return null;
  const start = args[0].getStart(sf);
  const end = args[args.length - 1].end;
  return { start, end, newText: newArgs.join(', ') };
}
