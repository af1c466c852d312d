// Members read off the global object, for the value resolver: `globalThis.console`, `global.kuzzle.log`
// (a name put on the global object by another module), `WIKI.logger` where WIKI is a free name or
// one this module puts on the global object. Kept apart from ValueResolver, which asks it first.
import ts from './typescriptModule';
import type { ImportLinks } from './model/types';
import { resolveName, type ScopeMap, unwrap } from './scopes';
import { type GlobalAssignments, globalAssignments } from './globalAssignments';
import type { Value } from './valueTypes';

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

export class GlobalMembers {
  /** What this file puts on the global object and on its names' members, read once per file. */
  private globals: GlobalAssignments | null = null;

  constructor(
    private readonly scopes: ScopeMap,
    private readonly links: ImportLinks,
    /** The resolver's own valueOf, for what this module assigns. */
    private readonly valueOf: (e: ts.Expression, depth: number) => Value | null,
  ) {}

  /**
   * `objectExpr.name` read off the global object: `globalThis.console` and the like, a member of a
   * name on the global object (`global.kuzzle.log`, as the free name `kuzzle.log` is), or of a free
   * name (`WIKI.logger`). Undefined when `objectExpr` is none of these, so the resolver goes on.
   */
  member(objectExpr: ts.Expression, name: string, depth: number): Value | null | undefined {
    const obj = unwrap(objectExpr);
    if (ts.isIdentifier(obj) && this.isGlobalObject(obj)) return name === 'console' ? { t: 'console' } : null;
    if (!this.links.globalLogger) return undefined;
    if (ts.isPropertyAccessExpression(obj)) {
      const on = unwrap(obj.expression);
      if (ts.isIdentifier(on) && this.isGlobalObject(on)) {
        const lib = this.links.globalLogger(`${obj.name.text}.${name}`);
        if (lib) return { t: 'logger', lib };
      }
      return undefined;
    }
    // Free names are the global object's (`WIKI.logger`); other members of a global name go on in the resolver.
    return ts.isIdentifier(obj) ? this.ofName(obj, name, depth) : undefined;
  }

  /** `global`, `globalThis`, `window` or `self`, unless the file declares that name itself. */
  private isGlobalObject(id: ts.Identifier): boolean {
    return GLOBAL_OBJECTS.has(id.text) && !resolveName(this.scopes, id, id.text);
  }

  /**
   * `WIKI.logger` where WIKI is the global object's (`global.WIKI = WIKI`): assigned a logger at the
   * top of this module (`WIKI.logger = createLogger()`), or in another (the links' globalLogger).
   * Undefined when `obj` is no such name or no logger is known there (the resolver goes on).
   */
  private ofName(obj: ts.Identifier, name: string, depth: number): Value | undefined {
    const free = !resolveName(this.scopes, obj, obj.text);
    const own = (this.globals ??= globalAssignments(obj.getSourceFile()));
    if (!free && !own.names.has(obj.text)) return undefined;
    if (!free) {
      for (const { object, member, value } of own.onNames) {
        if (object.text !== obj.text || member !== name) continue;
        const v = this.valueOf(value, depth);
        if (v?.t === 'logger') return v;
      }
    }
    const lib = this.links.globalLogger?.(`${obj.text}.${name}`);
    return lib ? { t: 'logger', lib } : undefined;
  }
}
