// `--format json`: a fixed shape for scripts and CI. Keys in this order, 1-based positions.
// Skipped files are not part of the shape; the caller reports them on stderr.
import type { Report } from '../report';
import { isFixable } from '../report';

/** `extra`: members after `diagnostics` (`coverage` with --summary). */
export function formatJson(report: Report, extra: Record<string, unknown> = {}): string {
  const diagnostics = report.files.flatMap((f) =>
    f.findings.map((d) => ({
      file: f.file,
      line: d.line + 1,
      column: d.column + 1,
      endLine: d.endLine + 1,
      endColumn: d.endColumn + 1,
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      fixable: isFixable(d),
    })),
  );
  return JSON.stringify({ diagnostics, ...extra }) + '\n';
}
