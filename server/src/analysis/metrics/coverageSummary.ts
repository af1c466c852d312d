// The coverage summary of `obs-lens check --summary` and the editor's command: per service, how
// many handlers are measured out of how many, the unmeasured listed, and for each measured one
// what measures it. Plain data (JSON-safe), so the CLI's cache can keep it between runs.
import type { ServiceView } from '../rule';
import { coverageOf, type MeasuredBy } from './coverage';

export interface HandlerRef {
  method: string;
  /** Null when the path is computed at run time. */
  path: string | null;
  /** When `path` is null: the path as far as it is known, `…` where a part is computed (Handler.shownPath). */
  shownPath?: string;
  file: string;
  /** 0-based, where the route is registered. */
  line: number;
  column: number;
}

export interface ServiceCoverageSummary {
  root: string;
  name: string | null;
  /** Handlers that need measuring (the scrape endpoint is not counted). */
  total: number;
  measured: number;
  unmeasured: Array<HandlerRef & { notes: string[] }>;
  measuredHandlers: Array<HandlerRef & { by: MeasuredBy[] }>;
  /** Handlers serving the metrics exposition. */
  scrapeEndpoints: HandlerRef[];
  /** Handlers registered in tests, scripts and other code that does not run in the service (not counted). */
  outsideService: HandlerRef[];
  /** OPTIONS routes (CORS preflight): not counted. */
  preflight: HandlerRef[];
}

export function coverageSummaryOf(services: readonly ServiceView[]): ServiceCoverageSummary[] {
  return services.map((service) => {
    const coverage = coverageOf(service);
    const out: ServiceCoverageSummary = { root: service.root, name: service.name, total: 0, measured: 0, unmeasured: [], measuredHandlers: [], scrapeEndpoints: [], outsideService: [], preflight: [] };
    for (const c of coverage.handlers) {
      const h = c.handler;
      const ref: HandlerRef = { method: h.method, path: h.path, ...(h.shownPath ? { shownPath: h.shownPath } : {}), file: h.file, line: h.line, column: h.column };
      if (c.preflight && !c.outsideService) {
        out.preflight.push(ref);
        continue;
      }
      if (c.outsideService) {
        out.outsideService.push(ref);
        continue;
      }
      if (c.scrapeEndpoint) {
        out.scrapeEndpoints.push(ref);
        continue;
      }
      out.total++;
      if (c.measuredBy.length > 0) {
        out.measured++;
        out.measuredHandlers.push({ ...ref, by: c.measuredBy });
      } else out.unmeasured.push({ ...ref, notes: c.notes });
    }
    return out;
  });
}
