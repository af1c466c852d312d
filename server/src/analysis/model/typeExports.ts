// The types a module exports that name loggers, as summariseModule reads them: a logger interface
// (declared here or extending a library's), a type naming a logger (`export type Logger = typeof
// logger`), a function type returning one or an object type whose members give one (factory types),
// a callback type handing loggers, an object shape or GraphQL resolver map with logger members; and
// those passed on by `export { Logger } from` or `export *`.
import ts from '../typescriptModule';
import { hasModifier } from '../scopes';
import type { ValueResolver } from '../values';
import { importedLoggerLibrary, isLoggerInterface } from '../typeValues';
import type { LoggerLibrary } from '../types';
import type { CallbackTypeSummary, ExportedValue, LoggerShape } from './types';

/** The type parts of a module summary (ModuleSummary's types, callbackTypes, shapeTypes, resolverTypes and factoryTypes). */
interface TypeParts {
  readonly types: ReadonlyMap<string, LoggerLibrary>;
  readonly callbackTypes: ReadonlyMap<string, CallbackTypeSummary>;
  readonly shapeTypes: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>;
  readonly resolverTypes: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>;
  readonly factoryTypes: ReadonlyMap<string, LoggerShape>;
}

export class TypeExports implements TypeParts {
  readonly types = new Map<string, LoggerLibrary>();
  readonly callbackTypes = new Map<string, CallbackTypeSummary>();
  readonly shapeTypes = new Map<string, ReadonlyMap<string, LoggerLibrary>>();
  readonly resolverTypes = new Map<string, ReadonlyMap<string, LoggerLibrary>>();
  readonly factoryTypes = new Map<string, LoggerShape>();
  /** The logger library this module builds on (the one it imports), for a logger interface it declares itself. */
  private readonly ownLibrary: LoggerLibrary | null;
  /** Logger interfaces declared in this module, exported or not, by name: a factory type may return one declared below it. */
  private readonly ownLoggerTypes = new Map<string, LoggerLibrary>();

  constructor(
    sf: ts.SourceFile,
    private readonly values: ValueResolver,
  ) {
    this.ownLibrary = importedLoggerLibrary(sf);
    if (!this.ownLibrary) return;
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st) && isLoggerInterface(st.members)) this.ownLoggerTypes.set(st.name.text, this.ownLibrary);
      else if (ts.isTypeAliasDeclaration(st) && ts.isTypeLiteralNode(st.type) && isLoggerInterface(st.type.members)) this.ownLoggerTypes.set(st.name.text, this.ownLibrary);
    }
  }

  /** Reads an exported interface or type alias; false for any other statement. */
  readDeclaration(st: ts.Statement): boolean {
    if (!hasModifier(st, ts.SyntaxKind.ExportKeyword)) return false;
    if (ts.isInterfaceDeclaration(st)) this.readInterface(st);
    else if (ts.isTypeAliasDeclaration(st)) this.readTypeAlias(st);
    else return false;
    return true;
  }

  /**
   * A name an export clause lists: a type passed on from another module (`export type { Logger } from
   * './logging'`, or imported then listed), or a local interface extending a library's logger.
   */
  passOn(name: string, passed: ExportedValue | null, declared: ts.InterfaceDeclaration | undefined): void {
    const extended = declared ? this.extendedLogger(declared) : null;
    if (extended) this.types.set(name, extended);
    else if (passed?.t === 'loggerType') this.types.set(name, passed.lib);
    else if (passed?.t === 'callbackType') this.callbackTypes.set(name, passed.callbacks);
    else if (passed?.t === 'shapeType') this.shapeTypes.set(name, passed.members);
    else if (passed?.t === 'resolversType') this.resolverTypes.set(name, passed.context);
    else if (passed?.t === 'factoryType') this.factoryTypes.set(name, passed.shape);
  }

  /** What `export *` of a module passes on: names this module declares itself win (as in ES modules). */
  passOnAll(target: TypeParts | null): void {
    if (!target) return;
    addMissing(this.types, target.types);
    addMissing(this.callbackTypes, target.callbackTypes);
    addMissing(this.shapeTypes, target.shapeTypes);
    addMissing(this.resolverTypes, target.resolverTypes);
    addMissing(this.factoryTypes, target.factoryTypes);
  }

  private readInterface(st: ts.InterfaceDeclaration): void {
    const extended = this.extendedLogger(st);
    if (extended) this.types.set(st.name.text, extended);
    else if (this.ownLibrary && isLoggerInterface(st.members)) this.types.set(st.name.text, this.ownLibrary);
    else if (isLoggerInterface(st.members)) this.types.set(st.name.text, 'custom');
    else {
      const members = this.factoryMembers(st.members, st);
      if (members.size > 0) this.factoryTypes.set(st.name.text, { members });
      const loggers = this.values.interfaceLoggerMembers(st);
      if (loggers) this.shapeTypes.set(st.name.text, loggers);
    }
  }

  private readTypeAlias(st: ts.TypeAliasDeclaration): void {
    const returned = ts.isFunctionTypeNode(st.type) ? this.loggerOfType(st.type.type, st) : null;
    // `export type LogProvider = (category?: string) => Logger`: calling a value of it gives a logger.
    if (returned) return void this.factoryTypes.set(st.name.text, { lib: returned });
    const v = this.values.typeValue(st.type, st);
    if (this.ownLibrary && ts.isTypeLiteralNode(st.type) && isLoggerInterface(st.type.members)) this.types.set(st.name.text, this.ownLibrary);
    else if (v?.t === 'logger') this.types.set(st.name.text, v.lib);
    else if (v?.t === 'typedCallbacks') this.callbackTypes.set(st.name.text, v.callbacks);
    else {
      const shape = this.values.loggerMembersOf(st.type, st);
      if (shape) this.shapeTypes.set(st.name.text, shape);
      const context = this.values.resolverContextOf(st);
      if (context) this.resolverTypes.set(st.name.text, context);
      const factories = ts.isTypeLiteralNode(st.type) ? this.factoryMembers(st.type.members, st) : null;
      if (factories?.size) this.factoryTypes.set(st.name.text, { members: factories });
    }
  }

  /** What calling a value of a written type gives: a logger when it is a function type returning one, or a factory type imported. */
  private callResult(type: ts.TypeNode, at: ts.Node): LoggerLibrary | null {
    if (ts.isFunctionTypeNode(type)) return this.loggerOfType(type.type, at);
    const v = this.values.typeValue(type, at);
    return v?.t === 'function' && v.fn.returnsLogger ? v.fn.returnsLogger : null;
  }

  private loggerOfType(type: ts.TypeNode | undefined, at: ts.Node): LoggerLibrary | null {
    if (!type) return null;
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const own = this.ownLoggerTypes.get(type.typeName.text);
      if (own) return own;
    }
    const v = this.values.typeValue(type, at);
    return v?.t === 'logger' ? v.lib : null;
  }

  /** The members of an object type that give a logger when called (`getLogger: LogProvider`, `makeLogger(): Logger`). */
  private factoryMembers(members: ts.NodeArray<ts.TypeElement>, at: ts.Node): Map<string, LoggerLibrary> {
    const out = new Map<string, LoggerLibrary>();
    for (const m of members) {
      const name = m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : null;
      if (!name) continue;
      const lib = ts.isMethodSignature(m) ? this.loggerOfType(m.type, at) : ts.isPropertySignature(m) && m.type ? this.callResult(m.type, at) : null;
      if (lib) out.set(name, lib);
    }
    return out;
  }

  /** `interface Logger extends WinstonLogger { trace: LeveledLogMethod }` (NocoBase's): a library's logger type with more. */
  private extendedLogger(st: ts.InterfaceDeclaration): LoggerLibrary | null {
    for (const clause of st.heritageClauses ?? []) {
      for (const t of clause.types) {
        const v = ts.isIdentifier(t.expression) ? this.values.typeValue(ts.factory.createTypeReferenceNode(t.expression.text), st) : null;
        if (v?.t === 'logger') return v.lib;
      }
    }
    return null;
  }
}

function addMissing<V>(into: Map<string, V>, from: ReadonlyMap<string, V>): void {
  for (const [name, v] of from) if (!into.has(name)) into.set(name, v);
}

