// A module summary's digest: text that changes exactly when what importers can see changes. Parts
// added to summaries later are written only when present, so the digests of modules without them
// (and the cached results keyed on them) stay as they were.
import type { LoggerLibrary } from '../types';
import type { CallbackTypeSummary, ClassSummary, FunctionSummary, LoggerExport, LoggerShape } from './types';

export function digestOf(
  loggers: ReadonlyMap<string, LoggerExport>,
  classes: ReadonlyMap<string, ClassSummary>,
  functions: ReadonlyMap<string, FunctionSummary>,
  objects: ReadonlyMap<string, ReadonlyMap<string, FunctionSummary>>,
  types: ReadonlyMap<string, LoggerLibrary>,
  callbackTypes: ReadonlyMap<string, CallbackTypeSummary>,
  shapeTypes: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>,
  resolverTypes: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>,
  factoryTypes: ReadonlyMap<string, LoggerShape>,
  trpcBuilders: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>,
): string {
  const l = [...loggers].map(([name, v]) => `${name}=${v.lib}@${v.origin}`).sort();
  // Newer parts of a summary are written only when present: the digest of a module without them stays as it was.
  const fn = (f: FunctionSummary): string =>
    JSON.stringify([
      f.returnsLogger ?? null,
      f.logs ?? null,
      ...(f.returnsErrorText !== undefined || f.makesMetric || f.returnsHelpers ? [f.returnsErrorText ?? null] : []),
      ...(f.makesMetric || f.returnsHelpers ? [f.makesMetric ?? null] : []),
      ...(f.returnsHelpers ? [methods('returns', f.returnsHelpers)] : []),
      ...(f.returnsConsole ? ['console'] : []),
      ...(f.returnsCaught ? [`caught:${f.returnsCaught}`] : []),
      ...(f.returnsContextLogger ? ['context'] : []),
      ...(f.returnsLoggerMembers ? [`members{${[...f.returnsLoggerMembers].map(([k, lib]) => `${k}=${lib}`).join(',')}}`] : []),
    ]);
  // A class's methods that log are written only when it has some (the digest of a class without stays as it was).
  const methods = (label: string, m: ReadonlyMap<string, FunctionSummary> | undefined): string => (m ? `${label}(${[...m].map(([k, s]) => `${k}${fn(s)}`).join(',')})` : '');
  const c = [...classes].map(([name, cls]) => `${name}{${[...cls.members].map(([m, lib]) => `${m}=${lib}`).join(',')}}${methods('methods', cls.methods)}${methods('statics', cls.statics)}${cls.instanceLogger ?? ''}${cls.staticInstances ? `instances(${cls.staticInstances.join(',')})` : ''}${cls.helpers ? `helpers(${[...cls.helpers].map(([m, h]) => methods(m, h)).join(',')})` : ''}`).sort();
  const f = [...functions].map(([name, s]) => `${name}${fn(s)}`).sort();
  const o = [...objects].map(([name, members]) => `${name}{${[...members].map(([m, s]) => `${m}${fn(s)}`).join(',')}}`).sort();
  const t = [...types].map(([name, lib]) => `${name}=${lib}`).sort();
  const shape = (v: LoggerShape) => ('lib' in v ? v.lib : `{${[...v.members].map(([m, lib]) => `${m}=${lib}`).join(',')}}`);
  const cb = [...callbackTypes].map(([name, byParam]) => `${name}(${[...byParam].map(([i, ps]) => `${i}:(${[...ps].map(([j, v]) => `${j}:${shape(v)}`).join(',')})`).join(',')})`).sort();
  const members = (m: ReadonlyMap<string, LoggerLibrary>) => `{${[...m].map(([k, lib]) => `${k}=${lib}`).join(',')}}`;
  const st = [...shapeTypes].map(([name, m]) => `${name}${members(m)}`).sort();
  const rt = [...resolverTypes].map(([name, m]) => `${name}${members(m)}`).sort();
  // Without functions, objects, types and the typed shapes, the digest is what it was before they were summarised (cached results stay valid).
  const ft = [...factoryTypes].map(([name, v]) => `${name}${shape(v)}`).sort();
  const tb = [...trpcBuilders].map(([name, m]) => `${name}${members(m)}`).sort();
  if (tb.length) return JSON.stringify([l, c, f, o, t, cb, st, rt, ft, tb]);
  if (ft.length) return JSON.stringify([l, c, f, o, t, cb, st, rt, ft]);
  if (cb.length || st.length || rt.length) return JSON.stringify([l, c, f, o, t, cb, st, rt]);
  return JSON.stringify(f.length || o.length || t.length ? [l, c, f, o, t] : [l, c]);
}
