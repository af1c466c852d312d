// The editor's coverage summary (CoverageSummaryRequest): the same per-service coverage as
// `obs-lens check --summary`, with URIs and 0-based positions, computed once pending service
// checks have run.
import type { CoverageHandler, CoverageSummaryResult } from '../../../shared/src/protocol';
import type { ServiceCoverageSummary } from '../analysis/metrics/coverageSummary';
import { describeMeasuredBy } from '../analysis/metrics/measuredBy';
import { pathToUri } from './uris';

export function toCoverageResult(services: readonly ServiceCoverageSummary[]): CoverageSummaryResult {
  const handler = (h: { method: string; path: string | null; file: string; line: number; column: number }, measuredBy: string[] = [], notes: string[] = []): CoverageHandler => ({
    method: h.method,
    path: h.path,
    uri: pathToUri(h.file),
    line: h.line,
    character: h.column,
    measuredBy,
    notes,
  });
  return {
    services: services.map((s) => ({
      uri: pathToUri(s.root),
      name: s.name,
      measured: s.measured,
      total: s.total,
      unmeasured: s.unmeasured.map((h) => handler(h, [], h.notes)),
      measuredHandlers: s.measuredHandlers.map((h) => handler(h, h.by.map((b) => describeMeasuredBy(b)))),
      scrapeEndpoints: s.scrapeEndpoints.map((h) => handler(h)),
      outsideService: s.outsideService.map((h) => handler(h)),
      preflight: s.preflight.map((h) => handler(h)),
    })),
  };
}
