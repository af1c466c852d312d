// Route paths: what a path argument says when it is known before the program runs (literals,
// templates and `+` of constants), how prefixes join, and the paths Next.js derives from files.
import ts from '../typescriptModule';
import { resolveName, type ScopeMap, unwrap } from '../scopes';
import type { RoutePath } from './types';

const MAX_DEPTH = 8;

function isConstDeclaration(node: ts.Node): node is ts.VariableDeclaration {
  return ts.isVariableDeclaration(node) && ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0;
}

/**
 * The string `expr` always evaluates to, or null when it is computed at run time: string literals,
 * templates and `+` whose parts are such strings, `const` variables and members of `const` object
 * literals holding them (`${API}/users`, `ROUTES.users`).
 */
export function staticString(expr: ts.Expression, scopes: ScopeMap, depth = 0): string | null {
  if (depth > MAX_DEPTH) return null;
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isNumericLiteral(e)) return e.text;
  if (ts.isTemplateExpression(e)) {
    let out = e.head.text;
    for (const span of e.templateSpans) {
      const part = staticString(span.expression, scopes, depth + 1);
      if (part === null) return null;
      out += part + span.literal.text;
    }
    return out;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = staticString(e.left, scopes, depth + 1);
    const right = left === null ? null : staticString(e.right, scopes, depth + 1);
    return left === null || right === null ? null : left + right;
  }
  const init = constInitializer(e, scopes, depth);
  return init ? staticString(init, scopes, depth + 1) : null;
}

/** The initializer a `const` name or a member of a `const` object literal stands for. */
function constInitializer(e: ts.Expression, scopes: ScopeMap, depth: number): ts.Expression | null {
  if (ts.isIdentifier(e)) {
    const d = resolveName(scopes, e, e.text);
    return d?.kind === 'value' && isConstDeclaration(d.node) ? d.init : null;
  }
  if (ts.isPropertyAccessExpression(e) && depth < MAX_DEPTH) {
    const obj = constInitializer(unwrap(e.expression), scopes, depth + 1);
    const o = obj && unwrap(obj);
    if (!o || !ts.isObjectLiteralExpression(o)) return null;
    return propertyOf(o, e.name.text);
  }
  return null;
}

/**
 * The value of property `name` in an object literal (`{ name: v }`, `{ name }`), or null. A method
 * (`{ handler(request, reply) {...} }`) is its own value: the function, which the value model reads
 * as it reads a function expression (it is no expression to the type system, hence the cast).
 */
export function propertyOf(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | null {
  for (const p of obj.properties) {
    if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) || p.name.text !== name) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
    if (ts.isMethodDeclaration(p)) return p as unknown as ts.Expression;
  }
  return null;
}

/** The paths a path argument stands for: one, or each element of an array literal. */
export function pathsOf(expr: ts.Expression, scopes: ScopeMap): RoutePath[] {
  const e = unwrap(expr);
  if (ts.isArrayLiteralExpression(e)) return e.elements.map((el) => (ts.isSpreadElement(el) ? null : staticString(el, scopes)));
  return [staticString(e, scopes)];
}

/**
 * `prefix` and `path` joined with one slash between them, with a leading slash and no trailing
 * one (`/api` + `/` is `/api`; Nest's `users` + `:id` is `/users/:id`). Null when either is.
 */
export function joinPaths(prefix: RoutePath, path: RoutePath): RoutePath {
  if (prefix === null || path === null) return null;
  const parts = `${prefix}/${path}`.split('/').filter((p) => p !== '');
  return '/' + parts.join('/');
}

/** Where a path part is computed at run time, in a path shown to people. */
export const COMPUTED_PART = '…';

/** `joinPaths` for a path shown to people: a part computed at run time is written `…`, never loses the rest. */
export function joinShown(prefix: string, path: RoutePath): string {
  return joinPaths(prefix, path ?? COMPUTED_PART)!; // both known: never null
}

/**
 * The URL path of a React Router (framework mode) or Remix route module under `app/routes/`, by the
 * flat-routes convention (`concerts.$city.tsx` is `/concerts/:city`; `_auth.login.tsx` drops the
 * pathless `_auth`; `_index` is its parent's index; `$` a splat; `($lang)` optional; `[.]` escapes a
 * dot; a folder holding `route.tsx` is that route) and remix-flat-routes' `+` folders (`api+/health.ts`
 * is `api.health`; `_layout.tsx` is its folder's layout). `relPosix` is relative to the package; null
 * for a file that is no route module.
 */
export function reactRouterRouteOf(relPosix: string): string | null {
  const m = /^app\/routes\/(.+)\.[cm]?[jt]sx?$/.exec(relPosix);
  if (!m || /\.(?:test|spec)$/.test(m[1])) return null;
  const parts = m[1].split('/');
  const file = parts.pop()!;
  // A plain folder is one route whose module is its `route` (or `index`) file; its other files are not routes.
  const folderModule = (file === 'route' || file === 'index') && parts.length > 0 && !parts[parts.length - 1].endsWith('+');
  const names: string[] = [];
  for (const dir of parts) {
    if (dir.endsWith('+')) names.push(dir.slice(0, -1));
    else if (folderModule && dir === parts[parts.length - 1]) names.push(dir);
    else return null;
  }
  if (!folderModule && file !== '_layout') names.push(file);
  const segments: string[] = [];
  for (const name of names) {
    for (const raw of name.split(/\.(?![^[]*\])/)) {
      if (raw === '' || raw === '_index' || raw === 'index' || (raw.startsWith('_') && !raw.startsWith('_['))) continue;
      let s = raw.replace(/_$/, '').replace(/\[([^\]]*)\]/g, '$1');
      const optional = /^\((.*)\)$/.exec(s);
      if (optional) s = optional[1];
      if (s === '$') s = '*';
      else if (s.startsWith('$')) s = ':' + s.slice(1);
      segments.push(optional ? `${s}?` : s);
    }
  }
  return '/' + segments.join('/');
}

export type NextRouteKind = 'app-route' | 'pages-api';

const SOURCE = String.raw`\.(?:[cm]?[jt]sx?)$`;
const APP_ROUTE = new RegExp(String.raw`^(?:src/)?app/((?:[^/]+/)*)route${SOURCE}`);
const PAGES_API = new RegExp(String.raw`^(?:src/)?pages/(api(?:/[^/]+)*)${SOURCE}`);

/**
 * The route a Next.js file serves, from its path relative to the package (posix separators):
 * `app/api/users/[id]/route.ts` is `/api/users/[id]`; route groups `(x)` and slots `@x` leave no
 * segment; `_private` folders are not routed. `pages/api/health.ts` is `/api/health` (index files
 * serve their folder). Null for any other file.
 */
export function nextRouteOf(relPosix: string): { kind: NextRouteKind; path: string } | null {
  const app = APP_ROUTE.exec(relPosix);
  if (app) {
    const segments = app[1].split('/').filter((s) => s !== '');
    if (segments.some((s) => s.startsWith('_'))) return null;
    return { kind: 'app-route', path: '/' + segments.filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@')).join('/') };
  }
  const pages = PAGES_API.exec(relPosix);
  if (pages) {
    const segments = pages[1].split('/');
    if (segments.some((s) => s.startsWith('_'))) return null;
    if (segments[segments.length - 1] === 'index') segments.pop();
    return { kind: 'pages-api', path: '/' + segments.join('/') };
  }
  return null;
}
