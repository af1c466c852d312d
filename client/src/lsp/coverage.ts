// "Show Handler Coverage": asks the server for each service's handler coverage (the same as
// `obs-lens check --summary`) and prints it in the output channel, unmeasured handlers first.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CoverageSummaryRequest, type CoverageHandler, type CoverageSummaryResult } from '../../../shared/src/protocol';

function place(h: CoverageHandler): string {
  return `${vscode.workspace.asRelativePath(vscode.Uri.parse(h.uri))}:${h.line + 1}`;
}

export function coverageText(result: CoverageSummaryResult): string[] {
  const lines: string[] = ['Handler coverage'];
  if (result.services.length === 0) lines.push('  no services (a package.json with an HTTP framework or a start script) in the workspace');
  for (const s of result.services) {
    lines.push(`  ${vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri))}${s.name ? ` (${s.name})` : ''}: ${s.measured} of ${s.total} handlers measured`);
    const route = (h: CoverageHandler) => `${h.method} ${h.path ?? '(computed at run time)'}  ${place(h)}`;
    if (s.unmeasured.length > 0) lines.push('    unmeasured:');
    for (const h of s.unmeasured) lines.push(`      ${route(h)}${h.notes.length > 0 ? `  (${h.notes.join('; ')})` : ''}`);
    if (s.measuredHandlers.length > 0) lines.push('    measured:');
    for (const h of s.measuredHandlers) lines.push(`      ${route(h)}  ${h.measuredBy.join('; ')}`);
    for (const h of s.scrapeEndpoints) lines.push(`    scrape endpoint: ${route(h)}`);
  }
  return lines;
}

export async function showHandlerCoverage(client: LanguageClient, output: vscode.OutputChannel): Promise<void> {
  const result = await client.sendRequest(CoverageSummaryRequest);
  for (const line of coverageText(result)) output.appendLine(line);
  output.show(true);
}
