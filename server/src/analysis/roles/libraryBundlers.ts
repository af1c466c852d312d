// The browser entries of a tsup or tsdown configuration: the `entry` of each build object that says
// `platform: 'browser'` (NodeCG's tsdown.config.mts builds its client bundles so, beside the server's
// `platform: 'node'` build and a declarations-only build naming server files). An entry is a path or
// a glob, written in the object, or read off the array a callback maps over (`globSync('src/client/
// bundles/*.ts').map((entry) => ({ entry, platform: 'browser' }))`). Only objects that say browser
// count: a build without `platform` is no evidence either way.
import ts from '../typescriptModule';
import { parseConfig } from './configText';

export const LIBRARY_BUNDLER_CONFIG = /^(?:tsup|tsdown)\.config\.[cm]?[jt]s$/;

/** The entry paths and globs (as written, relative to the config's folder) of the config's browser builds. */
export function browserEntries(fileName: string, text: string): string[] {
  const sf = parseConfig(fileName, text, true);
  if (!sf) return [];
  const out: string[] = [];
  // An explicit stack: a configuration is small, but its text is the workspace's.
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isObjectLiteralExpression(node) && stringProperty(node, 'platform') === 'browser') out.push(...entriesOf(node, sf));
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
  }
  return out;
}

function propertyNamed(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return obj.properties.find((p) => !!p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name);
}

function stringProperty(obj: ts.ObjectLiteralExpression, name: string): string | null {
  const p = propertyNamed(obj, name);
  return p && ts.isPropertyAssignment(p) && ts.isStringLiteralLike(p.initializer) ? p.initializer.text : null;
}

function entriesOf(obj: ts.ObjectLiteralExpression, sf: ts.SourceFile): string[] {
  const p = propertyNamed(obj, 'entry');
  if (!p) return [];
  if (ts.isPropertyAssignment(p)) return stringsIn(p.initializer, sf);
  return ts.isShorthandPropertyAssignment(p) ? stringsIn(p.name, sf) : [];
}

/** Strings a value holds: a literal, an array or object of them, or a name bound to one (a `const`, a mapped element). */
function stringsIn(e: ts.Expression, sf: ts.SourceFile, depth = 0): string[] {
  if (depth > 4) return [];
  const u = ts.isParenthesizedExpression(e) ? e.expression : e;
  if (ts.isStringLiteralLike(u)) return [u.text];
  if (ts.isArrayLiteralExpression(u)) return u.elements.flatMap((el) => stringsIn(el, sf, depth + 1));
  if (ts.isObjectLiteralExpression(u)) return u.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? stringsIn(p.initializer, sf, depth + 1) : []));
  // `globSync('src/client/bundles/*.ts', { cwd })`: the glob it expands.
  if (ts.isCallExpression(u)) return u.arguments[0] && ts.isStringLiteralLike(u.arguments[0]) && /glob|sync/i.test(u.expression.getText(sf)) ? [u.arguments[0].text] : [];
  if (!ts.isIdentifier(u)) return [];
  const d = declarationOf(u, sf);
  if (!d) return [];
  if (ts.isVariableDeclaration(d)) return d.initializer ? stringsIn(d.initializer, sf, depth + 1) : [];
  // A parameter of the callback mapped over an array (`clientEntries.map((entry, index) => ...)`): the array's strings.
  const fn = d.parent;
  const call = fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? fn.parent : undefined;
  if (fn && fn.parameters[0] === d && call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'map') {
    return stringsIn(call.expression.expression, sf, depth + 1);
  }
  return [];
}

/** The variable or parameter declaring `id` in the enclosing functions or the file, by name (a configuration's scopes are few). */
function declarationOf(id: ts.Identifier, sf: ts.SourceFile): ts.VariableDeclaration | ts.ParameterDeclaration | null {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      const param = n.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === id.text);
      if (param) return param;
    }
    if (n === sf || ts.isBlock(n)) {
      for (const st of (n as ts.SourceFile | ts.Block).statements) {
        if (!ts.isVariableStatement(st)) continue;
        const d = st.declarationList.declarations.find((v) => ts.isIdentifier(v.name) && v.name.text === id.text);
        if (d) return d;
      }
    }
  }
  return null;
}
