// What a CommonJS module exports, as summariseModule reads it: `module.exports = x`, `module.exports =
// { a, b: c }`, `module.exports = require('./m')` (the whole module passed on), `exports.x = y` and
// `Object.defineProperty(module.exports, 'x', { get })`.
import ts from '../typescriptModule';
import { requiredModule, type ScopeMap, unwrap } from '../scopes';
import type { ValueResolver, Value } from '../values';
import { type FunctionLike, functionNamed, functionOf } from '../logCallables';
import type { SummaryLinks } from './summary';

/** `module.exports = x`, `module.exports = { a, b: c }`, `module.exports = require('./m')`, `exports.x = y`. */
export function noteCommonJsExport(
  e: ts.Expression,
  values: ValueResolver,
  links: SummaryLinks,
  put: (name: string, v: Value | null) => void,
  scopes: ScopeMap,
): void {
  if (ts.isCallExpression(e)) return noteDefinedExport(e, values, put, scopes);
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = commonJsExportName(e.left);
  const right = unwrap(e.right);
  if (target === 'module.exports') {
    const required = requiredModule(right);
    if (required) {
      // The whole module passed on: every name, its default and its whole-module export too.
      const summary = links.summaryOf(required);
      for (const [name, v] of summary?.loggers ?? []) put(name, { t: 'logger', lib: v.lib, origin: v.origin });
      for (const [name, c] of summary?.classes ?? []) put(name, { t: 'importedClass', cls: c });
      for (const [name, fn] of summary?.functions ?? []) put(name, { t: 'function', fn });
      for (const [name, members] of summary?.objects ?? []) put(name, { t: 'object', members });
    } else if (ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        if (ts.isShorthandPropertyAssignment(p)) put(p.name.text, values.valueOf(p.name));
        else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) put(p.name.text, values.valueOf(p.initializer));
        // `module.exports = { init(uid) { return winston.createLogger(...) } }`: a method is a function export too.
        else if (ts.isMethodDeclaration(p) && p.body && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) put(p.name.text, { t: 'function', fn: values.functionSummary(p) });
      }
      // A hand-rolled logger exported whole (Node-RED's `module.exports = { info: function(msg) {...}, ... }`).
      const whole = values.valueOf(right);
      if (whole?.t === 'object') put('module.exports', whole);
    } else put('module.exports', values.valueOf(right));
    return;
  }
  if (target) put(target, values.valueOf(right));
}

/**
 * The export an assignment's target names: `module.exports` for the whole module, `x` for
 * `exports.x` or `module.exports.x`; null for any other target.
 */
export function commonJsExportName(left: ts.Expression): string | null {
  const path = memberPath(left);
  if (path === 'module.exports') return path;
  return (path && /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(path)?.[1]) || null;
}

/**
 * `Object.defineProperty(module.exports, 'logger', { get: getLogger })` (or `{ value: logger }`): an
 * export whose value a getter returns, so that a logger set later is the one importers see (Parse
 * Server's logger module exports its default and `logger` so).
 */
function noteDefinedExport(call: ts.CallExpression, values: ValueResolver, put: (name: string, v: Value | null) => void, scopes: ScopeMap): void {
  const callee = memberPath(call.expression);
  const [target, name, descriptor] = call.arguments;
  if (callee !== 'Object.defineProperty' || !target || !name || !descriptor || !ts.isStringLiteralLike(name) || !ts.isObjectLiteralExpression(descriptor)) return;
  if (!['module.exports', 'exports'].includes(memberPath(target) ?? '')) return;
  for (const p of descriptor.properties) {
    const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
    if (key === 'value' && ts.isPropertyAssignment(p)) return put(name.text, values.valueOf(p.initializer));
    if (key !== 'get') continue;
    const getter = ts.isMethodDeclaration(p) ? p : ts.isPropertyAssignment(p) ? getterFunction(p.initializer, scopes) : null;
    if (!getter) return;
    const returnsLogger = values.functionSummary(getter).returnsLogger;
    return put(name.text, returnsLogger ? { t: 'logger', lib: returnsLogger } : values.returnedHelpers(getter));
  }
}

/** The function a getter names: written there, or a function of the module named by an identifier. */
function getterFunction(e: ts.Expression, scopes: ScopeMap): FunctionLike | null {
  const own = functionOf(e);
  return own || !ts.isIdentifier(e) ? own : functionNamed(scopes, e);
}

/** `a.b.c` as text, for the left side of an assignment; null for anything else. */
function memberPath(e: ts.Expression): string | null {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    const head = memberPath(e.expression);
    return head ? `${head}.${e.name.text}` : null;
  }
  return null;
}
