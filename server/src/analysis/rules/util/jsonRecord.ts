// A console call that writes one JSON log record (`console.log(JSON.stringify({ time, level, msg }))`):
// a hand-rolled structured logger's output (Uptime Kuma's UPTIME_KUMA_LOG_FORMAT=json), one object per
// line with its level that a collector parses as it would pino's. Neither console output to replace
// nor a message built from values: the values are the record's fields. An object without a level
// (`console.log(JSON.stringify({ port }))`) is console output like any other.
import ts from '../../typescriptModule';
import type { LogCall, RuleContext } from '../../rule';
import { isStringify, unwrap } from '../../scopes';
import { constObjectLiteral } from './declarations';

export function writesJsonRecord(call: LogCall, ctx: Pick<RuleContext, 'declarationOf'>): boolean {
  if (call.library !== 'console' || call.node.arguments.length !== 1) return false;
  const arg = unwrap(call.node.arguments[0]);
  if (!ts.isCallExpression(arg) || arg.arguments.length === 0 || !isStringify(arg)) return false;
  const written = unwrap(arg.arguments[0]);
  // The record built just before (MiroTalk's Logger.jsonLog: `const logObj = { timestamp, level, app, message }`).
  const record = ts.isIdentifier(written) ? constObjectLiteral(written, ctx) : written;
  return !!record && ts.isObjectLiteralExpression(record) && record.properties.some((p) => !!p.name && ts.isIdentifier(p.name) && LEVEL_KEYS.has(p.name.text));
}

const LEVEL_KEYS = new Set(['level', 'severity', 'lvl', 'levelname']);
