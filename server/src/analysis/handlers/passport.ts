// Passport strategies' verify callbacks: `new GoogleStrategy({ ..., passReqToCallback: true },
// (req, accessToken, refreshToken, profile, done) => ...)`. With that option every Passport
// strategy calls its verify callback with the Express request first, so the callback's first
// parameter is the request (its `req.log`, its headers) as surely as a route handler's is.
// Recognised from the strategy's import and the option as written, never from parameter names.
import ts from '../typescriptModule';
import { resolveName, type ScopeMap, unwrap } from '../scopes';

/**
 * Modules whose Strategy classes follow Passport's verify-callback convention: every
 * `passport-*` package (and scoped ones, `@node-saml/passport-saml`), and openid-client's
 * Strategy (v5 exports it from the package, v6 from `openid-client/passport`).
 */
const PASSPORT_STRATEGY_MODULE = /^(@[\w.-]+\/)?passport-[\w.-]+(\/|$)/;
const OTHER_STRATEGY_MODULES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['openid-client', new Set(['Strategy'])],
  ['openid-client/passport', new Set(['Strategy'])],
]);

/** Whether `p` is the request parameter of a Passport strategy's verify callback (`passReqToCallback: true`). */
export function isPassportVerifyRequest(p: ts.ParameterDeclaration, scopes: ScopeMap): boolean {
  const fn = p.parent;
  // Cheap checks first: the first parameter of a function passed straight to `new X(...)`.
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters[0] !== p) return false;
  const created = fn.parent;
  if (!created || !ts.isNewExpression(created) || !created.arguments?.includes(fn)) return false;
  if (!created.arguments.some(passesRequest)) return false;
  return isStrategyClass(created.expression, scopes);
}

/** An options object literal with `passReqToCallback: true`. */
function passesRequest(arg: ts.Expression): boolean {
  const o = unwrap(arg);
  if (!ts.isObjectLiteralExpression(o)) return false;
  return o.properties.some(
    (q) => ts.isPropertyAssignment(q) && (ts.isIdentifier(q.name) || ts.isStringLiteral(q.name)) && q.name.text === 'passReqToCallback' && unwrap(q.initializer).kind === ts.SyntaxKind.TrueKeyword,
  );
}

/** The class created: imported from a strategy module (`Strategy`, `{ Strategy as GoogleStrategy }`, `passportJwt.Strategy`). */
function isStrategyClass(expr: ts.Expression, scopes: ScopeMap): boolean {
  const e = unwrap(expr);
  const id = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) ? e.expression : null;
  if (!id) return false;
  const d = resolveName(scopes, id, id.text);
  if (d?.kind !== 'import') return false;
  if (PASSPORT_STRATEGY_MODULE.test(d.module)) return true;
  const exports = OTHER_STRATEGY_MODULES.get(d.module);
  if (!exports) return false;
  const name = id === e ? d.name : (e as ts.PropertyAccessExpression).name.text;
  return (id === e || d.name === '*' || d.name === 'default') && exports.has(name);
}
