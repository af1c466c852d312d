// Values known while typing: what a metric's name, help or label list evaluates to when it is a
// literal, a `const` bound to one in the same file, or a template / `+` of such (`${prefix}_total`).
import ts from '../typescriptModule';
import { declarationNodeOf, type ScopeMap, unwrap } from '../scopes';
import type { Constant } from './model';

/** Marks a value that is not known while typing. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Evaluated = Constant | typeof UNKNOWN;

const MAX_DEPTH = 16;

export function evaluate(expr: ts.Expression, scopes: ScopeMap, depth = 0): Evaluated {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const e = unwrap(expr);
  switch (e.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return (e as ts.StringLiteralLike).text;
    case ts.SyntaxKind.NumericLiteral:
      return Number((e as ts.NumericLiteral).text);
    case ts.SyntaxKind.TrueKeyword:
      return true;
    case ts.SyntaxKind.FalseKeyword:
      return false;
    case ts.SyntaxKind.NullKeyword:
      return null;
    case ts.SyntaxKind.TemplateExpression: {
      const t = e as ts.TemplateExpression;
      let out = t.head.text;
      for (const span of t.templateSpans) {
        const v = evaluate(span.expression, scopes, depth + 1);
        if (v === UNKNOWN || Array.isArray(v)) return UNKNOWN;
        out += String(v) + span.literal.text;
      }
      return out;
    }
    case ts.SyntaxKind.BinaryExpression: {
      const b = e as ts.BinaryExpression;
      if (b.operatorToken.kind !== ts.SyntaxKind.PlusToken) return UNKNOWN;
      const l = evaluate(b.left, scopes, depth + 1);
      const r = evaluate(b.right, scopes, depth + 1);
      const primitive = (v: Evaluated) => typeof v === 'string' || typeof v === 'number';
      if (!primitive(l) || !primitive(r)) return UNKNOWN;
      return typeof l === 'string' || typeof r === 'string' ? String(l) + String(r) : (l as number) + (r as number);
    }
    case ts.SyntaxKind.ArrayLiteralExpression: {
      const out: Constant[] = [];
      for (const el of (e as ts.ArrayLiteralExpression).elements) {
        if (ts.isSpreadElement(el) || ts.isOmittedExpression(el)) return UNKNOWN;
        const v = evaluate(el, scopes, depth + 1);
        if (v === UNKNOWN) return UNKNOWN;
        out.push(v);
      }
      return out;
    }
    case ts.SyntaxKind.Identifier: {
      const init = constInitializer(e as ts.Identifier, scopes);
      if (init) return evaluate(init, scopes, depth + 1);
      // `undefined` that no declaration shadows is the value undefined.
      return (e as ts.Identifier).text === 'undefined' && !declarationNodeOf(scopes, e as ts.Identifier) ? undefined : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

/** The initializer of the `const` an identifier names in this file, or null. */
export function constInitializer(id: ts.Identifier, scopes: ScopeMap): ts.Expression | null {
  const d = declarationNodeOf(scopes, id);
  if (!d || !ts.isVariableDeclaration(d) || !d.initializer || !ts.isIdentifier(d.name)) return null;
  const list = d.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return null;
  return d.initializer;
}

/** The object literal an expression is, or a `const` in this file is bound to. */
export function objectLiteralOf(expr: ts.Expression, scopes: ScopeMap): ts.ObjectLiteralExpression | null {
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (!ts.isIdentifier(e)) return null;
  const init = constInitializer(e, scopes);
  const u = init && unwrap(init);
  return u && ts.isObjectLiteralExpression(u) ? u : null;
}

/** The name of a property as written (`name`, `'name'`), or null for computed names. */
export function propertyNameText(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return null;
}
