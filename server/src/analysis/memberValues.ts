// What the members of a value the model knows are, and what a project module's export is where it
// is imported: pure functions of the value, kept apart from ValueResolver, which follows names to them.
import ts from './typescriptModule';
import { NOTHING } from './logCallables';
import type { ExportedValue, FunctionSummary } from './model/types';
import type { LoggerLibrary } from './types';
import type { TypeValues } from './typeValues';
import type { Value } from './valueTypes';

/** What a value a project module exports is where it is imported (a type, a namespace: null). */
export function valueOfExport(v: ExportedValue | null): Value | null {
  if (v?.t === 'logger') return { t: 'logger', lib: v.lib, origin: v.origin };
  if (v?.t === 'class') return { t: 'importedClass', cls: v.cls };
  if (v?.t === 'function') return { t: 'function', fn: v.fn };
  if (v?.t === 'object') return { t: 'object', members: v.members, ...(v.loggers ? { loggers: v.loggers } : {}), ...(v.helpers ? { helpers: v.helpers } : {}) };
  if (v?.t === 'trpcBuilder') return { t: 'trpcBuilder', context: v.context };
  if (v?.t === 'loggerMembers') return { t: 'loggerMembers', members: v.members };
  return null;
}

export function functionValue(fn: FunctionSummary): Value | null {
  return fn === NOTHING ? null : { t: 'function', fn };
}

export const PINO_HTTP_MEMBERS: ReadonlyMap<string, LoggerLibrary> = new Map([['logger', 'pino']]);

export function loggerMember(o: Extract<Value, { t: 'loggerMembers' }>, name: string): Value | null {
  const lib = o.members.get(name);
  return lib ? { t: 'logger', lib } : null;
}

/** A member of an object whose members give loggers: calling it gives one. */
export function loggerFactory(o: Extract<Value, { t: 'loggerFactories' }>, name: string): Value | null {
  const lib = o.members.get(name);
  return lib ? { t: 'function', fn: { returnsLogger: lib } } : null;
}

export function memberValue(o: Extract<Value, { t: 'object' }>, name: string): Value | null {
  const fn = o.members.get(name);
  if (fn) return { t: 'function', fn };
  const lib = o.loggers?.get(name);
  if (lib) return { t: 'logger', lib };
  const helpers = o.helpers?.get(name);
  return helpers ? { t: 'object', members: helpers } : null;
}

/** The methods of a tRPC instance or procedure builder that give a builder with the same context. */
const TRPC_BUILDER_METHODS = new Set(['create', 'use', 'input', 'output', 'meta', 'concat', 'unstable_concat']);

/**
 * A call in a tRPC builder chain: `initTRPC.context<Ctx>()` names the context (its logger members,
 * read from the type argument), `initTRPC.meta<M>()` and `.create()` keep going, and a builder's
 * `.use()`, `.input()` and the like give a builder with the same context.
 */
export function trpcCall(call: ts.CallExpression, target: Value | null, name: string, types: TypeValues): Value | null {
  if (target?.t === 'trpcInit') {
    if (name === 'context') {
      const type = call.typeArguments?.[0];
      return { t: 'trpcBuilder', context: (type && types.loggerMembersOf(type, call)) || new Map() };
    }
    if (name === 'meta') return target;
    if (name === 'create') return { t: 'trpcBuilder', context: new Map() };
    return null;
  }
  return target?.t === 'trpcBuilder' && TRPC_BUILDER_METHODS.has(name) ? target : null;
}

/** A member of a tRPC resolver's options: `ctx` holds the context's loggers, `input` is the request's payload. */
export function trpcOption(o: Extract<Value, { t: 'trpcResolverOptions' }>, name: string): Value | null {
  if (name === 'ctx') return { t: 'loggerMembers', members: o.context };
  return name === 'input' ? { t: 'trpcInput' } : null;
}
