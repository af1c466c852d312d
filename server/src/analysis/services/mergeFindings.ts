// A file's own findings with its service findings, in one list. A service finding at the same
// place with the same rule and message as a file finding supersedes that finding's fixes: the
// service phase sees the whole workspace, so its fix may be the complete one (metric-naming renames
// a metric everywhere it is named, where the file phase could rename it only in its own file).
import type { Finding } from '../types';

/** The file finding a merged finding was made from (for callers that swap service findings). */
const origins = new WeakMap<Finding, Finding>();

const key = (f: Finding) => `${f.rule}\0${f.start}\0${f.end}\0${f.message}`;

export function mergeFindings(own: readonly Finding[], extra: readonly Finding[]): Finding[] {
  if (extra.length === 0) return [...own];
  const byKey = new Map(extra.map((f) => [key(f), f] as const));
  const used = new Set<Finding>();
  const out = own.map((f) => {
    const service = byKey.get(key(f));
    if (!service) return f;
    used.add(service);
    const merged: Finding = { ...f, fixes: service.fixes };
    origins.set(merged, f);
    return merged;
  });
  for (const f of extra) if (!used.has(f)) out.push(f);
  return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** The file phase's finding behind `f` (itself unless a service finding superseded its fixes). */
export function fileFindingOf(f: Finding): Finding {
  return origins.get(f) ?? f;
}
