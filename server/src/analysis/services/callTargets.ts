// Which workspace function a call calls, for the service phase's walks (metrics coverage, request
// paths). Values are followed from their declarations (scope model) and imports (the project's
// resolver, handler discovery's export facts), never guessed from names. Two levels:
//  - functionOf / calledFunction: functions written in place, local functions, imported functions
//    and members of imported objects (`module.exports = { a, b }`, `import * as m`);
//  - callTarget adds class methods: `this.m()`, `this.repo.find()` where the field's class is known
//    by its initializer or its type (a constructor parameter property: Nest's dependency injection),
//    `service.find()` on an instance made with `new` (here or in the module that exports it), a
//    typed parameter, a static call `UserService.find()`, and methods of an object literal of the
//    file (`const api = { get() {...} }; api.get()`). Interfaces and `any` stop the walk.
import ts from '../typescriptModule';
import { enclosingClass, memberSource } from '../classMembers';
import { commonJsTarget } from '../handlers/exports';
import type { Place, Ref } from '../handlers/types';
import type { ParsedServiceFile, ServiceView } from '../rule';
import { hasModifier, resolveName, unwrap } from '../scopes';
import { functionNodeAt, isFunctionLike } from '../treeAt';
import { memberFunction } from '../logCallables';

/** A function node of a parsed workspace file. */
export interface FunctionAt {
  parsed: ParsedServiceFile;
  node: ts.Node;
}

interface ClassAt {
  parsed: ParsedServiceFile;
  node: ts.ClassLikeDeclaration;
}

const MAX_DEPTH = 5;

/** The call targets of a service, shared by the rules of one service phase. */
export function callTargetsOf(service: ServiceView): CallTargets {
  return service.memo('callTargets', () => new CallTargets(service));
}

export class CallTargets {
  private readonly exportedClasses = new Map<string, ClassAt | null>();

  constructor(private readonly service: ServiceView) {}

  /** The workspace function a call calls, when it can be followed: a local function, or an imported one (through handler facts' exports). */
  calledFunction(parsed: ParsedServiceFile, call: ts.CallExpression): FunctionAt | null {
    return this.functionOf(parsed, unwrap(call.expression));
  }

  functionOf(parsed: ParsedServiceFile, expr: ts.Expression, depth = 0): FunctionAt | null {
    const e = unwrap(expr);
    if (isFunctionLike(e)) return { parsed, node: e };
    if (depth > MAX_DEPTH) return null;
    let id: ts.Identifier | null = null;
    let member: string | null = null;
    /** `m.ns.f` of an imported module: its export `ns` (a module or object it re-exports), then `f` of that. */
    let nested: string | null = null;
    if (ts.isIdentifier(e)) id = e;
    else if (ts.isPropertyAccessExpression(e)) {
      const inner = unwrap(e.expression);
      if (ts.isIdentifier(inner)) {
        id = inner;
        member = e.name.text;
      } else if (ts.isPropertyAccessExpression(inner) && ts.isIdentifier(unwrap(inner.expression))) {
        // Overleaf's `Metrics.http.monitor(logger)`, with `module.exports.http = require('./http')` in @overleaf/metrics.
        id = unwrap(inner.expression) as ts.Identifier;
        member = inner.name.text;
        nested = e.name.text;
      }
    }
    if (!id) return null;
    const d = resolveName(parsed.scopes, id, id.text);
    if (!d) return null;
    if (d.kind === 'value' && !member) return this.functionOf(parsed, d.init, depth + 1);
    if (d.kind === 'other' && !member) {
      const decl = (d.fn?.body ? d.fn : null) ?? functionDeclarationNamed(parsed.sourceFile, id.text);
      return decl ? { parsed, node: decl } : null;
    }
    if (d.kind !== 'import') return null;
    const target = this.service.project.resolver.resolve(parsed.file, d.module);
    if (!target) return null;
    if (nested) return d.name === '*' || d.name === 'default' ? this.exportedFunction(target, member!, nested, 0) : null;
    // `import * as m` / `require('./m')` then `m.f`: the module's export `f` (else its default's member).
    return d.name === '*' ? (member ? this.exportedFunction(target, member, undefined, 0) : this.exportedFunction(target, 'default', undefined, 0)) : this.exportedFunction(target, d.name, member ?? undefined, 0);
  }

  /** The function node at a place (a handler's or middleware's function). */
  functionAtPlace(place: Place): FunctionAt | null {
    const parsed = this.service.parsed(place.file);
    const node = parsed && functionNodeAt(parsed, place.line, place.column);
    return parsed && node ? { parsed, node } : null;
  }

  /** What a call calls: a function (functionOf), else a method of a class the receiver is known to be an instance of. */
  callTarget(parsed: ParsedServiceFile, call: ts.CallExpression): FunctionAt | null {
    const callee = unwrap(call.expression);
    // `this.m()` is a method even when an import of the same name exists: looked at first.
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = unwrap(callee.expression);
      const klass = receiver.kind === ts.SyntaxKind.ThisKeyword || !ts.isIdentifier(receiver) || resolveName(parsed.scopes, receiver, receiver.text)?.kind !== 'import' ? this.classOf(parsed, receiver, 0) : null;
      if (klass) return methodOf(klass, callee.name.text, (c, e) => this.classOf(c.parsed, e, MAX_DEPTH - 1));
    }
    const fn = this.functionOf(parsed, callee);
    if (fn) return fn;
    if (!ts.isPropertyAccessExpression(callee)) return null;
    const member = this.objectMember(parsed, unwrap(callee.expression), callee.name.text);
    if (member) return member;
    const klass = this.classOf(parsed, unwrap(callee.expression), 0);
    return klass ? methodOf(klass, callee.name.text, (c, e) => this.classOf(c.parsed, e, MAX_DEPTH - 1)) : null;
  }

  /** `api.get()` on an object literal of this file (`const api = { get() {...}, put: async () => {...} }`). */
  private objectMember(parsed: ParsedServiceFile, receiver: ts.Expression, name: string): FunctionAt | null {
    if (!ts.isIdentifier(receiver)) return null;
    const d = resolveName(parsed.scopes, receiver, receiver.text);
    const obj = d?.kind === 'value' ? unwrap(d.init) : null;
    if (!obj || !ts.isObjectLiteralExpression(obj)) return null;
    for (const p of obj.properties) {
      if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) || p.name.text !== name) continue;
      if (ts.isMethodDeclaration(p)) return p.body ? { parsed, node: p } : null;
      if (ts.isPropertyAssignment(p)) return this.functionOf(parsed, p.initializer);
      if (ts.isShorthandPropertyAssignment(p)) return this.functionOf(parsed, p.name);
      return null;
    }
    return null;
  }

  /** The class whose instance (or, for a static call, which) an expression is; null when it cannot be told. */
  private classOf(parsed: ParsedServiceFile, expr: ts.Expression, depth: number): ClassAt | null {
    if (depth > MAX_DEPTH) return null;
    const e = unwrap(expr);
    if (e.kind === ts.SyntaxKind.ThisKeyword) {
      const k = enclosingClass(e);
      return k ? { parsed, node: k } : null;
    }
    if (ts.isNewExpression(e)) return this.classOf(parsed, e.expression, depth + 1);
    if (ts.isClassExpression(e)) return { parsed, node: e };
    if (ts.isPropertyAccessExpression(e) && unwrap(e.expression).kind === ts.SyntaxKind.ThisKeyword) {
      const k = enclosingClass(e);
      const source = k && memberSource(k, e.name.text);
      if (!source) return null;
      return 'init' in source ? this.classOf(parsed, source.init, depth + 1) : this.classOfType(parsed, source.type, depth + 1);
    }
    if (!ts.isIdentifier(e)) return null;
    const d = resolveName(parsed.scopes, e, e.text);
    if (!d) return null;
    switch (d.kind) {
      case 'class':
        return { parsed, node: d.node };
      case 'value': {
        const type = (d.node as { type?: ts.TypeNode }).type;
        return (type && this.classOfType(parsed, type, depth + 1)) ?? this.classOf(parsed, d.init, depth + 1);
      }
      case 'param':
        return d.node.type ? this.classOfType(parsed, d.node.type, depth + 1) : null;
      case 'other':
        return d.node?.type ? this.classOfType(parsed, d.node.type, depth + 1) : null;
      case 'import': {
        const target = this.service.project.resolver.resolve(parsed.file, d.module);
        return target ? this.exportedClass(target, d.name === '*' ? 'default' : d.name, depth + 1) : null;
      }
      default:
        return null;
    }
  }

  /** `repo: UserRepository`: the class the type names (walks set no parents inside types: names are looked up from the type node). */
  private classOfType(parsed: ParsedServiceFile, type: ts.TypeNode, depth: number): ClassAt | null {
    if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return null;
    const d = resolveName(parsed.scopes, type, type.typeName.text);
    if (d?.kind === 'class') return { parsed, node: d.node };
    if (d?.kind !== 'import') return null;
    const target = this.service.project.resolver.resolve(parsed.file, d.module);
    return target ? this.exportedClass(target, d.name === '*' ? 'default' : d.name, depth + 1) : null;
  }

  /**
   * The class a module exports under `name`, or whose instance it exports (`export const users = new
   * UserService()`, `module.exports = new UserService()`, `export default new UserService()`),
   * following re-exports. `default` also answers a CommonJS `module.exports =`.
   */
  private exportedClass(file: string, name: string, depth: number): ClassAt | null {
    const key = `${file}\0${name}`;
    if (this.exportedClasses.has(key)) return this.exportedClasses.get(key)!;
    this.exportedClasses.set(key, null); // a cycle of re-exports answers no
    const found = depth > MAX_DEPTH * 2 ? null : this.findExportedClass(file, name, depth);
    this.exportedClasses.set(key, found);
    return found;
  }

  private findExportedClass(file: string, name: string, depth: number): ClassAt | null {
    const parsed = this.service.parsed(file);
    if (!parsed) return null;
    const exported = (n: ts.Node) => hasModifier(n, ts.SyntaxKind.ExportKeyword);
    const isDefault = (n: ts.Node) => hasModifier(n, ts.SyntaxKind.DefaultKeyword);
    for (const st of parsed.sourceFile.statements) {
      if (ts.isClassDeclaration(st) && exported(st) && (name === 'default' ? isDefault(st) : st.name?.text === name && !isDefault(st))) return { parsed, node: st };
      if (ts.isVariableStatement(st) && exported(st)) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.name.text === name) return d.type ? this.classOfType(parsed, d.type, depth + 1) : d.initializer ? this.classOf(parsed, d.initializer, depth + 1) : null;
        }
      }
      if (ts.isExportAssignment(st) && name === 'default') return this.classOf(parsed, st.expression, depth + 1);
      if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          if (el.name.text !== name) continue;
          const local = (el.propertyName ?? el.name).text;
          if (st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
            const target = this.service.project.resolver.resolve(file, st.moduleSpecifier.text);
            return target ? this.exportedClass(target, local, depth + 1) : null;
          }
          const d = resolveName(parsed.scopes, parsed.sourceFile, local);
          if (d?.kind === 'class') return { parsed, node: d.node };
          if (d?.kind === 'value') return this.classOf(parsed, d.init, depth + 1);
          return null;
        }
      }
      // CommonJS: `module.exports = X`, `exports.name = X`, `module.exports.name = X`.
      if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const target = commonJsTarget(st.expression.left);
        if (target !== null && (target === name || (target === '*' && name === 'default'))) return this.classOf(parsed, st.expression.right, depth + 1);
      }
    }
    for (const spec of this.service.facts(file)?.starExports ?? []) {
      const target = this.service.project.resolver.resolve(file, spec);
      const found = target && this.exportedClass(target, name, depth + 1);
      if (found) return found;
    }
    return null;
  }

  /**
   * The function a module exports under `name` (its `member` when the export is an object or a
   * namespace), following re-exports (`export { f } from`, `export * from`, `export * as ns from`)
   * through handler discovery's facts of each module.
   */
  private exportedFunction(file: string, name: string, member: string | undefined, depth: number): FunctionAt | null {
    if (depth > MAX_DEPTH * 2) return null;
    const facts = this.service.facts(file);
    if (!facts) return null;
    // `module.exports = { a, b }` answers named imports with its members.
    const whole = facts.exports.get('*');
    let ref: Ref | undefined = facts.exports.get(name) ?? (name === 'default' ? whole : whole?.kind === 'object' ? whole.members.get(name) : undefined);
    if (!ref) {
      for (const spec of facts.starExports) {
        const target = this.service.project.resolver.resolve(file, spec);
        const found = target && this.exportedFunction(target, name, member, depth + 1);
        if (found) return found;
      }
      return null;
    }
    if (member && ref.kind === 'object') {
      ref = ref.members.get(member);
      member = undefined;
    }
    if (ref?.kind === 'import') {
      const target = this.service.project.resolver.resolve(file, ref.specifier);
      if (!target) return null;
      if (ref.name === '*') return member ? this.exportedFunction(target, member, undefined, depth + 1) : null;
      return this.exportedFunction(target, ref.name, ref.member ?? member, depth + 1);
    }
    if (ref?.kind !== 'function' || member) return null;
    const parsed = this.service.parsed(file);
    const fn = facts.functions[ref.fn];
    const node = parsed && functionNodeAt(parsed, fn.line, fn.column);
    return parsed && node ? { parsed, node } : null;
  }
}

/** A method of a class (or a function-valued field), else of the class it extends, up to a depth. */
function methodOf(klass: ClassAt, name: string, classOf: (at: ClassAt, e: ts.Expression) => ClassAt | null, depth = 0): FunctionAt | null {
  for (const m of klass.node.members) {
    if (!m.name || !ts.isIdentifier(m.name) || m.name.text !== name) continue;
    if (ts.isMethodDeclaration(m) || (ts.isPropertyDeclaration(m) && m.initializer)) {
      const fn = memberFunction(m);
      return fn ? { parsed: klass.parsed, node: fn } : null;
    }
  }
  const base = klass.node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  const parent = base && depth < MAX_DEPTH ? classOf(klass, base) : null;
  return parent ? methodOf(parent, name, classOf, depth + 1) : null;
}

function functionDeclarationNamed(sf: ts.SourceFile, name: string): ts.FunctionDeclaration | null {
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isFunctionDeclaration(n) && n.name?.text === name && n.body) return n;
    if (ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n) || isFunctionLike(n) || ts.isClassLike(n) || ts.isMethodDeclaration(n)) n.forEachChild((c) => void stack.push(c));
  }
  return null;
}
