// One row of a benchmark report. `ratio` compares against a baseline measured side by side in the same run.
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
  /** The target in words, e.g. "ratio <= 1.5" or "< 20 ms". */
  target: string;
  pass: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function formatTable(rows: BenchResult[]): string {
  const lines = ['| benchmark | value | baseline | ratio | target | pass |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const base = r.baseline ? `${r.baseline.name}: ${round(r.baseline.value)} ${r.unit}` : '';
    lines.push(`| ${r.name} | ${round(r.value)} ${r.unit} | ${base} | ${r.ratio === undefined ? '' : round(r.ratio)} | ${r.target} | ${r.pass ? 'yes' : 'NO'} |`);
  }
  return lines.join('\n');
}

function round(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}
