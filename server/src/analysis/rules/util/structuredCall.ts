// Writes a log call's arguments in structured form: a constant message plus a fields object, in
// the argument order of the library (pino/bunyan: fields first; winston: message first).
import ts from 'typescript';
import type { LogCall } from '../../rule';
import { unwrap } from '../../scopes';
import type { LoggerLibrary, TextEdit } from '../../types';
import { type Field, fieldText, objectKeys, quote } from './messageParts';

/** Keys already present in the call's fields object literal. */
export function existingKeys(call: LogCall): Set<string> {
  const f = call.fieldsArg && unwrap(call.fieldsArg);
  return f && ts.isObjectLiteralExpression(f) ? objectKeys(f) : new Set();
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

/** `{ a, b: x }`; the existing fields' text kept, the new fields added at its start or end. */
function mergedFields(existing: ts.Expression | undefined, fields: Field[], sf: ts.SourceFile, at: 'start' | 'end'): string | null {
  const added = fields.map(fieldText);
  if (!existing) return added.length ? `{ ${added.join(', ')} }` : null;
  const e = unwrap(existing);
  const kept = ts.isObjectLiteralExpression(e) ? e.properties.map((p) => p.getText(sf)) : [`...${existing.getText(sf)}`];
  if (!added.length) return existing.getText(sf);
  const all = at === 'start' ? [...added, ...kept] : [...kept, ...added];
  return `{ ${all.join(', ')} }`;
}

/**
 * An edit replacing the call's arguments with `message` and `fields` (merged into the existing
 * fields object), keeping winston's level argument. Null for calls it cannot rewrite.
 * `message` null leaves the message out (pino/bunyan only).
 */
export function rewriteArguments(call: LogCall, library: LoggerLibrary, message: string | null, fields: Field[], sf: ts.SourceFile, text: string): TextEdit | null {
  const args = call.node.arguments;
  // `...args` has no place in a fields object or a message: such calls are left to a person.
  if (args.length === 0 || args.some(ts.isSpreadElement)) return null;
  const msg = message === null ? null : quote(message, text);
  let newArgs: string[];
  if (library === 'pino' || library === 'bunyan') {
    // Values were evaluated after the fields object: appending them keeps evaluation order.
    const obj = mergedFields(call.fieldsArg, fields, sf, 'end');
    const extra = call.restArgs.map((a) => a.getText(sf));
    newArgs = [...(obj ? [obj] : []), ...(msg ? [msg] : []), ...extra];
  } else if (library === 'winston') {
    if (msg === null) return null;
    // Values were evaluated before the meta object: prepending them keeps evaluation order.
    const obj = mergedFields(call.fieldsArg, fields, sf, 'start');
    const level = call.levelArg ? [call.levelArg.getText(sf)] : [];
    const others = call.restArgs.filter((a) => a !== call.fieldsArg).map((a) => a.getText(sf));
    newArgs = [...level, msg, ...(obj ? [obj] : []), ...others];
  } else return null;
  const start = args[0].getStart(sf);
  const end = args[args.length - 1].end;
  return { start, end, newText: newArgs.join(', ') };
}
