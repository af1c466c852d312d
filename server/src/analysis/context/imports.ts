// Which library export an expression names, from the file's scope model: `pinoHttp` bound by
// `import pinoHttp from 'pino-http'`, `rTracer.id` on `require('cls-rtracer')`, `crypto.randomUUID`.
// Built-in modules are named without their `node:` prefix, so one table entry covers both spellings.
import ts from '../typescriptModule';
import { requiredModule, unwrap } from '../scopes';

export interface ImportedName {
  /** The module, `node:` removed. */
  module: string;
  /** `default`, `*` (the whole module) or an export name. */
  name: string;
  /** Set for `ns.member` on a namespace or default import: the member read. */
  member?: string;
}

export function bareModule(module: string): string {
  return module.startsWith('node:') ? module.slice(5) : module;
}

/** The import an identifier is bound by (RuleContext.importOf, or scopes.importOf over a file's scope model). */
export type ImportLookup = (id: ts.Identifier) => { module: string; name: string } | null;

/** The import `expr` names (an identifier, `ns.member`, or `require('m')` itself), else null. */
export function importedName(lookup: ImportLookup, expr: ts.Expression): ImportedName | null {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const imp = lookup(e);
    return imp ? { module: bareModule(imp.module), name: imp.name } : null;
  }
  const required = requiredModule(e);
  if (required) return { module: bareModule(required), name: '*' };
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name)) {
    const base = importedName(lookup, e.expression);
    if (base && base.member === undefined) return { ...base, member: e.name.text };
  }
  return null;
}

/**
 * Whether `expr` names export `name` of `module`: imported by name, or read as a member of the
 * module's default or namespace import (`crypto.randomUUID`, `uuid.v4`). `default` matches the module itself.
 */
export function namesExport(imp: ImportedName | null, module: string, name: string): boolean {
  if (!imp || imp.module !== bareModule(module)) return false;
  if (imp.member === undefined) return imp.name === name || (name === 'default' && imp.name === '*');
  return (imp.name === '*' || imp.name === 'default') && imp.member === name;
}

/** The property `name` of an object literal, if present (not through spreads). */
export function propertyOf(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return obj.properties.find((p) => p.name !== undefined && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name);
}

/** The value of property `name` (an assignment's initializer, a method, a shorthand's name). */
export function propertyValue(obj: ts.ObjectLiteralExpression, name: string): ts.Node | undefined {
  const p = propertyOf(obj, name);
  if (!p) return undefined;
  if (ts.isPropertyAssignment(p)) return p.initializer;
  if (ts.isShorthandPropertyAssignment(p)) return p.name;
  return p;
}

/** Whether some node under `root` satisfies `test` (explicit stack: deep code does not overflow). */
export function containsNode(root: ts.Node, test: (n: ts.Node) => boolean): boolean {
  const stack: ts.Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (test(n)) return true;
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return false;
}
