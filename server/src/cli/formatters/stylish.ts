// The default text output, modelled on ESLint's "stylish": a header per file, aligned rows of
// `line:col  severity  message  rule`, skipped files with their reasons, then a summary. File names,
// messages and reasons come from the workspace: they are printed escaped (see terminalSafe).
import type { Report } from '../report';
import { totals } from '../report';
import { terminalSafe } from '../terminal';

export interface StylishOptions {
  color: boolean;
}

const CODES = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4 } as const;
type Style = keyof typeof CODES;

function painter(enabled: boolean) {
  return (text: string, ...styles: Style[]): string =>
    enabled && styles.length > 0 ? `${styles.map((s) => `\x1b[${CODES[s]}m`).join('')}${text}\x1b[0m` : text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Messages are one line in a table; a newline in one would break the alignment. Escaped for the terminal. */
function oneLine(text: string): string {
  return terminalSafe(text.replace(/\s*\r?\n\s*/g, ' '));
}

export function formatStylish(report: Report, options: StylishOptions): string {
  const paint = painter(options.color);
  const out: string[] = [];
  for (const file of report.files) {
    const rows = file.findings.map((d) => ({
      position: `${d.line + 1}:${d.column + 1}`,
      severity: d.severity,
      message: oneLine(d.message),
      rule: d.rule,
    }));
    const width = {
      position: Math.max(...rows.map((r) => r.position.length)),
      severity: Math.max(...rows.map((r) => r.severity.length)),
      message: Math.max(...rows.map((r) => r.message.length)),
    };
    out.push('', paint(terminalSafe(file.file), 'underline'));
    for (const r of rows) {
      const colour: Style = r.severity === 'error' ? 'red' : r.severity === 'warning' ? 'yellow' : 'blue';
      out.push(
        `  ${paint(r.position.padEnd(width.position), 'dim')}  ${paint(r.severity.padEnd(width.severity), colour)}  ` +
          `${r.message.padEnd(width.message)}  ${paint(r.rule, 'dim')}`,
      );
    }
  }
  for (const s of report.skipped) {
    out.push('', paint(terminalSafe(s.file), 'underline'), `  ${paint('skipped', 'dim')}  ${oneLine(s.reason)}`);
  }
  const t = totals(report);
  if (t.problems > 0) {
    const counts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
    if (t.infos > 0) counts.push(`${t.infos} info`);
    const summary = `✖ ${plural(t.problems, 'problem')} (${counts.join(', ')})`;
    out.push('', paint(summary, 'bold', t.errors > 0 ? 'red' : t.warnings > 0 ? 'yellow' : 'blue'));
    if (t.fixable > 0) {
      out.push(`  ${plural(t.fixable, 'problem')} ${t.fixable === 1 ? 'is' : 'are'} fixable with the --fix option`);
    }
  }
  if (report.skipped.length > 0) {
    out.push('', paint(`${plural(report.skipped.length, 'file')} skipped`, 'dim'));
  }
  return out.length > 0 ? out.join('\n') + '\n\n' : '';
}
