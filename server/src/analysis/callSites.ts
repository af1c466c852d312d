// From a log record back to the code that wrote it: rank the recognised log calls by how well their
// constant message (with `*` for dynamic parts) matches the record's message, then by field overlap.
import type { SourceLogCall } from './types';

export interface CallSiteMatch {
  path: string;
  line: number;
  column: number;
  template: string;
  score: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const templateRegexes = new Map<string, RegExp>();
function templateRegex(template: string): RegExp {
  let re = templateRegexes.get(template);
  if (!re) {
    if (templateRegexes.size > 10_000) templateRegexes.clear();
    re = new RegExp(`^${template.split('*').map(escapeRegExp).join('[\\s\\S]*')}$`);
    templateRegexes.set(template, re);
  }
  return re;
}

export function findCallSites(
  analyses: Iterable<{ path: string; logCalls: readonly SourceLogCall[] }>,
  message: string,
  fields: Record<string, unknown>,
): CallSiteMatch[] {
  const keys = new Set(Object.keys(fields ?? {}));
  const matches: CallSiteMatch[] = [];
  for (const a of analyses) {
    for (const site of a.logCalls) {
      const t = site.template;
      if (t === null || t.replace(/\*/g, '').trim() === '') continue;
      let score: number;
      if (t === message) score = 1000;
      else if (t.includes('*') && templateRegex(t).test(message)) score = 500 + t.replace(/\*/g, '').length;
      // printf-style messages (`user %s saved`) match with their placeholders as wildcards.
      else if (/%[sdifjoO]/.test(t) && templateRegex(t.replace(/%[sdifjoO]/g, '*')).test(message)) score = 400;
      else continue;
      for (const k of site.fieldKeys) if (keys.has(k)) score += 10;
      matches.push({ path: a.path, line: site.line, column: site.column, template: t, score });
    }
  }
  return matches.sort((x, y) => y.score - x.score || (x.path < y.path ? -1 : x.path > y.path ? 1 : x.line - y.line));
}
