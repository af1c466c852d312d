// `check --summary`: the handler coverage of each service, as text (after the findings) or as the
// `coverage` member of the JSON report. Paths relative to the working directory, lines 1-based.
import type { ServiceCoverageSummary } from '../../analysis/metrics/coverageSummary';
import { describeMeasuredBy } from '../../analysis/metrics/measuredBy';
import type { MeasuredBy } from '../../analysis/metrics/coverage';
import { displayPath, routePathForPeople } from '../report';
import { terminalSafe } from '../terminal';

/** What measures a handler, with its place relative to the working directory (1-based line). */
function byText(cwd: string, b: MeasuredBy): string {
  return describeMeasuredBy(b, (file, line) => `${displayPath(cwd, file)}:${line + 1}`);
}

export function summaryJson(cwd: string, services: readonly ServiceCoverageSummary[]): unknown {
  const at = (r: { file: string; line: number; column: number }) => ({ file: displayPath(cwd, r.file), line: r.line + 1, column: r.column + 1 });
  return services.map((s) => ({
    service: displayPath(cwd, s.root),
    name: s.name,
    measured: s.measured,
    total: s.total,
    unmeasured: s.unmeasured.map((h) => ({ method: h.method, path: h.path, ...at(h), notes: h.notes })),
    measuredHandlers: s.measuredHandlers.map((h) => ({ method: h.method, path: h.path, ...at(h), measuredBy: h.by.map((b) => ({ kind: b.kind, what: byText(cwd, b) })) })),
    scrapeEndpoints: s.scrapeEndpoints.map((h) => ({ method: h.method, path: h.path, ...at(h) })),
    outsideService: s.outsideService.map((h) => ({ method: h.method, path: h.path, ...at(h) })),
    preflight: s.preflight.map((h) => ({ method: h.method, path: h.path, ...at(h) })),
  }));
}

export function summaryText(cwd: string, services: readonly ServiceCoverageSummary[]): string {
  const lines: string[] = ['', 'Handler coverage'];
  if (services.length === 0) lines.push('  no services (a package.json with an HTTP framework or a start script) among the paths');
  for (const s of services) {
    const where = displayPath(cwd, s.root);
    lines.push(`  ${where}${s.name ? ` (${s.name})` : ''}: ${s.measured} of ${s.total} handler${s.total === 1 ? '' : 's'} measured`);
    const route = (h: { method: string; path: string | null; shownPath?: string; file: string; line: number }) =>
      `${h.method} ${routePathForPeople(h.path, h.shownPath)}  ${displayPath(cwd, h.file)}:${h.line + 1}`;
    if (s.unmeasured.length > 0) lines.push('    unmeasured:');
    for (const h of s.unmeasured) lines.push(`      ${route(h)}${h.notes.length > 0 ? `  (${h.notes.join('; ')})` : ''}`);
    if (s.measuredHandlers.length > 0) lines.push('    measured:');
    for (const h of s.measuredHandlers) lines.push(`      ${route(h)}  ${h.by.map((b) => byText(cwd, b)).join('; ')}`);
    for (const h of s.scrapeEndpoints) lines.push(`    scrape endpoint: ${route(h)}`);
    for (const h of s.preflight) lines.push(`    preflight (not counted): ${route(h)}`);
    if (s.outsideService.length > 0) lines.push(`    not counted (tests, scripts: not service code): ${s.outsideService.length}`);
    for (const h of s.outsideService) lines.push(`      ${route(h)}`);
  }
  return lines.map(terminalSafe).join('\n') + '\n';
}
