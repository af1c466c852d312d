// What a top-level name was imported from, read from the file's own import declarations and
// require calls: enough to tell `util.format` / `format` from node's util apart from a local
// function that happens to be called `format`.
import ts from 'typescript';
import { requiredModule } from '../../scopes';

export interface ImportedBinding {
  /** The module specifier: `util`, `node:util`, `../lib/logger`. */
  module: string;
  /** The exported name bound (`format`), or `*` for a namespace / default / whole-module require. */
  name: string;
}

const cache = new WeakMap<ts.SourceFile, Map<string, ImportedBinding>>();

/** Top-level bindings that come from an import or a `require()`, by local name. */
export function importedBindings(sf: ts.SourceFile): Map<string, ImportedBinding> {
  let map = cache.get(sf);
  if (map) return map;
  map = new Map();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause) {
      const module = st.moduleSpecifier.text;
      const clause = st.importClause;
      if (clause.name) map.set(clause.name.text, { module, name: '*' });
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) map.set(nb.name.text, { module, name: '*' });
      if (nb && ts.isNamedImports(nb)) {
        for (const el of nb.elements) map.set(el.name.text, { module, name: (el.propertyName ?? el.name).text });
      }
    } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) && ts.isStringLiteral(st.moduleReference.expression)) {
      map.set(st.name.text, { module: st.moduleReference.expression.text, name: '*' });
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const module = d.initializer && requiredModule(d.initializer);
        if (!module) continue;
        if (ts.isIdentifier(d.name)) map.set(d.name.text, { module, name: '*' });
        else if (ts.isObjectBindingPattern(d.name)) {
          for (const el of d.name.elements) {
            if (!ts.isIdentifier(el.name) || el.dotDotDotToken) continue;
            const prop = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
            map.set(el.name.text, { module, name: prop });
          }
        }
      }
    }
  }
  cache.set(sf, map);
  return map;
}

const UTIL_MODULES = new Set(['util', 'node:util']);

/** `util.format(...)`, `format(...)` or `require('util').format(...)` with util being node's. */
export function isUtilFormatCall(call: ts.CallExpression, sf: ts.SourceFile): boolean {
  const c = call.expression;
  const bindings = importedBindings(sf);
  if (ts.isIdentifier(c)) {
    const b = bindings.get(c.text);
    return !!b && UTIL_MODULES.has(b.module) && b.name === 'format';
  }
  if (ts.isPropertyAccessExpression(c) && c.name.text === 'format') {
    const obj = c.expression;
    if (ts.isIdentifier(obj)) {
      const b = bindings.get(obj.text);
      return !!b && UTIL_MODULES.has(b.module) && b.name === '*';
    }
    const m = requiredModule(obj);
    return !!m && UTIL_MODULES.has(m);
  }
  return false;
}
