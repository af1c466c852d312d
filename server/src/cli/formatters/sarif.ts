// `--format sarif`: SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps). Every rule is
// listed in the driver so results can point at it by index; URIs are relative to %SRCROOT%, the
// working directory, so uploaded results map onto the repository checkout.
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../../../shared/src/rules';
import { ruleDocsUrl } from '../../../../shared/src/rules';
import type { RuleMeta } from '../../analysis/rule';
import type { Finding } from '../../analysis/types';
import { displayPath, type Report } from '../report';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/observability-lens/observability-lens';

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** Relative paths as URI references: segments percent-encoded, slashes kept. */
function uriReference(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * A finding's fixes (not the suppressions) as SARIF fixes: one artifactChange per file a fix edits,
 * its replacements as character offsets (a file the fix creates: an insertion at 0 in it).
 */
function sarifFixes(file: string, finding: Finding, cwd: string) {
  return finding.fixes
    .filter((f) => f.kind === 'fix')
    .map((f) => {
      const byFile = new Map<string, typeof f.edits>();
      for (const e of f.edits) {
        const target = e.file ? displayPath(cwd, e.file) : file;
        byFile.set(target, [...(byFile.get(target) ?? []), e]);
      }
      return {
        description: { text: f.title },
        artifactChanges: [...byFile].map(([target, edits]) => ({
          artifactLocation: { uri: uriReference(target), uriBaseId: '%SRCROOT%' },
          replacements: edits.map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.newText } })),
        })),
      };
    });
}

export function formatSarif(report: Report, rules: readonly RuleMeta[], version: string): string {
  const index = new Map(rules.map((r, i) => [r.id, i] as const));
  const results = report.files.flatMap((f) =>
    f.findings.map((d) => ({
      ruleId: d.rule,
      ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule)! } : {}),
      level: sarifLevel(d.severity),
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uriReference(f.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: d.line + 1, startColumn: d.column + 1, endLine: d.endLine + 1, endColumn: d.endColumn + 1 },
          },
        },
      ],
      ...(d.fixes.some((x) => x.kind === 'fix') ? { fixes: sarifFixes(f.file, d, report.cwd) } : {}),
    })),
  );
  const notifications = report.skipped.map((s) => ({
    level: 'note',
    message: { text: `${s.file} was skipped: ${s.reason}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: uriReference(s.file), uriBaseId: '%SRCROOT%' } } }],
  }));
  let rootUri = pathToFileURL(report.cwd).href;
  if (!rootUri.endsWith('/')) rootUri += '/';
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'obs-lens',
            informationUri: INFORMATION_URI,
            version,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              helpUri: ruleDocsUrl(r.id),
              defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
