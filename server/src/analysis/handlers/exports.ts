// What a file exports, as references the linker can follow from an import in another file:
// routers, apps, plugin and handler functions, objects of handlers, and re-exports.
import ts from '../typescriptModule';
import { hasModifier, unwrap } from '../scopes';
import { type FrameworkValues, instanceValues } from './frameworkValues';
import type { Ref } from './types';


/** An object literal's members as references (`module.exports = { list, show }`). */
function objectRef(obj: ts.ObjectLiteralExpression, values: FrameworkValues): Ref {
  const members = new Map<string, Ref>();
  for (const p of obj.properties) {
    if (ts.isShorthandPropertyAssignment(p)) members.set(p.name.text, valueRef(p.name, values));
    else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) members.set(p.name.text, valueRef(p.initializer, values));
    else if (ts.isMethodDeclaration(p) && ts.isIdentifier(p.name)) members.set(p.name.text, { kind: 'function', fn: values.builder.functionAt(p) });
  }
  return { kind: 'object', members };
}

function valueRef(expr: ts.Expression, values: FrameworkValues): Ref {
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return objectRef(e, values);
  const cls = ts.isIdentifier(e) ? classNamed(e.getSourceFile(), e.text) : ts.isClassExpression(e) ? e : null;
  return (cls && classRef(cls, values)) ?? values.refOf(e);
}

/** A class declared at the top of the file under this name. */
function classNamed(sf: ts.SourceFile, name: string): ts.ClassDeclaration | null {
  for (const st of sf.statements) if (ts.isClassDeclaration(st) && st.name?.text === name) return st;
  return null;
}

/**
 * An exported class as the apps and routers its instances hold (`this.app = express()` in its
 * constructor or a method, a field initialised with one): another module reaching an instance
 * (`new Server().app`, `Server.getInstance().app`) registers on them. Null when it holds none.
 */
function classRef(cls: ts.ClassLikeDeclaration, values: FrameworkValues): Ref | null {
  const members = new Map<string, Ref>();
  for (const [name, assigned] of instanceValues(cls)) {
    for (const value of assigned) {
      const ref = values.refOf(value);
      if (ref.kind !== 'owner') continue;
      members.set(name, ref);
      break;
    }
  }
  return members.size ? { kind: 'object', members } : null;
}

/** `module.exports`, `exports.x`, `module.exports.x`: the export name assigned (`*` for the whole module), or null. */
export function commonJsTarget(left: ts.Expression): string | null {
  if (!ts.isPropertyAccessExpression(left)) return null;
  const obj = left.expression;
  if (ts.isIdentifier(obj) && obj.text === 'module' && left.name.text === 'exports') return '*';
  if (ts.isIdentifier(obj) && obj.text === 'exports') return left.name.text;
  if (ts.isPropertyAccessExpression(obj) && ts.isIdentifier(obj.expression) && obj.expression.text === 'module' && obj.name.text === 'exports') return left.name.text;
  return null;
}

export function readExports(sf: ts.SourceFile, values: FrameworkValues): void {
  const out = values.builder.facts.exports;
  const stars = values.builder.facts.starExports;
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword) && st.body) {
      const name = hasModifier(st, ts.SyntaxKind.DefaultKeyword) ? 'default' : st.name?.text;
      if (name) out.set(name, { kind: 'function', fn: values.builder.functionAt(st) });
    } else if (ts.isClassDeclaration(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
      const name = hasModifier(st, ts.SyntaxKind.DefaultKeyword) ? 'default' : st.name?.text;
      const ref = classRef(st, values);
      if (name && ref) out.set(name, ref);
    } else if (ts.isVariableStatement(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) out.set(d.name.text, valueRef(d.initializer, values));
    } else if (ts.isExportAssignment(st)) {
      out.set(st.isExportEquals ? '*' : 'default', valueRef(st.expression, values));
    } else if (ts.isExportDeclaration(st)) {
      const from = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : null;
      const clause = st.exportClause;
      if (!clause) {
        if (from) stars.push(from);
      } else if (ts.isNamespaceExport(clause)) {
        if (from) out.set(clause.name.text, { kind: 'import', specifier: from, name: '*' });
      } else {
        for (const el of clause.elements) {
          const local = el.propertyName ?? el.name;
          if (!ts.isIdentifier(local) || !ts.isIdentifier(el.name)) continue;
          out.set(el.name.text, from ? { kind: 'import', specifier: from, name: local.text } : values.refOf(local));
        }
      }
    } else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = commonJsTarget(st.expression.left);
      if (!target) continue;
      const ref = valueRef(st.expression.right, values);
      out.set(target, ref);
      // `module.exports = { a, b }` also answers `require('./x').a` and `import { a } from './x'`.
      if (target === '*' && ref.kind === 'object') for (const [k, v] of ref.members) out.set(k, v);
    }
  }
}
