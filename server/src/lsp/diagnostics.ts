// Findings → LSP diagnostics. Each diagnostic carries, in `data`, the document version it was
// computed on and the finding's index, so code actions can pick the finding (and its fixes)
// straight from the stored analysis instead of analysing again.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl, type Severity } from '../../../shared/src/rules';
import type { Finding } from '../analysis/types';

export interface DiagnosticData {
  /** Version of the open document analysed; null when the text came from disk. */
  version: number | null;
  /** Index into FileAnalysis.findings. */
  index: number;
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, index: number, version: number | null): Diagnostic {
  const data: DiagnosticData = { version, index };
  return {
    range: {
      start: { line: finding.line, character: finding.column },
      end: { line: finding.endLine, character: finding.endColumn },
    },
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}

/** The one diagnostic of a file whose analysis ran out of time: information at its start, with the reason. */
export function stoppedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: `Observability Lens did not finish analysing this file: ${reason}.`,
  };
}

export function readDiagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data.index !== 'number' || !(typeof data.version === 'number' || data.version === null)) return undefined;
  return { version: data.version, index: data.index };
}
