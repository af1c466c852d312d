// Which expressions hold an error: a catch clause variable, a `.catch(e => ...)` parameter, the
// first parameter of a Node-style callback, something typed as an Error, or `new XError(...)`.
import ts from 'typescript';
import { unwrap } from '../../scopes';
import { findDeclaration } from './declarations';

const ERROR_PARAM_NAMES = /^(err|error|e|ex|exc|exception|cause)$/;

export function isErrorValue(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && /Error$/.test(e.expression.text);
  if (!ts.isIdentifier(e)) return false;
  const d = findDeclaration(e);
  if (!d) return false;
  if (ts.isCatchClause(d.parent)) return true;
  if (ts.isParameter(d)) {
    const fn = d.parent as ts.SignatureDeclaration;
    return paramHoldsError(fn, d, fn.parameters.indexOf(d));
  }
  if (d.type) return typeIsError(d.type);
  return !!d.initializer && ts.isNewExpression(unwrap(d.initializer)) && isErrorValue(d.initializer);
}

function typeIsError(type: ts.TypeNode): boolean {
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && /Error$/.test(type.typeName.text);
}

function paramHoldsError(fn: ts.SignatureDeclaration, p: ts.ParameterDeclaration, index: number): boolean {
  if (p.type) return typeIsError(p.type);
  if (index !== 0 || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.some((a) => a === fn)) return false;
  // promise.catch(e => ...)
  if (ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'catch') return true;
  // A Node-style callback: (err, result) => ..., passed as the last argument.
  return call.arguments[call.arguments.length - 1] === fn && fn.parameters.length >= 1 && ERROR_PARAM_NAMES.test((p.name as ts.Identifier).text);
}

/** The error an expression turns into text, if it does: `err.message`, `String(err)`, `err.toString()`, `err + ''`, `${err}`. */
export function errorAsText(expr: ts.Expression): ts.Expression | null {
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'message' && isErrorValue(e.expression)) return unwrap(e.expression);
  if (ts.isCallExpression(e)) {
    const c = e.expression;
    if (ts.isIdentifier(c) && c.text === 'String' && e.arguments.length === 1 && isErrorValue(e.arguments[0])) return unwrap(e.arguments[0]);
    if (ts.isPropertyAccessExpression(c) && c.name.text === 'toString' && e.arguments.length === 0 && isErrorValue(c.expression)) return unwrap(c.expression);
  }
  return null;
}
