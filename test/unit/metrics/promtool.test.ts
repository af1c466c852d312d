// metric-naming agrees with Prometheus's own lint: every metric definition of the metric rules'
// fixtures is registered with the real prom-client in a fresh registry, given a sample, rendered
// as exposition text and checked by the real `promtool check metrics`. Every metric promtool
// complains about is flagged by metric-naming (with promtool's words), and no other; the
// lint-clean names the messages suggest pass promtool.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as client from 'prom-client';
import type { MetricDefinition } from '../../../server/src/analysis/metrics';
import type { MetricKind } from '../../../server/src/analysis/metrics/libraries';
import { otelPrometheusLabel, otelPrometheusName } from '../../../server/src/analysis/metrics/prometheusName';
import { type AnalysedCase, analyseCase, findingsOf, metricCases, where } from './helpers';

/** A metric as it will be exposed: what prom-client is given, and whether the exposition has a HELP line. */
interface Exposed {
  name: string;
  kind: MetricKind;
  /** prom-client's help as the code gives it (prom-client rejects none); null: OpenTelemetry without a description, exposed with no HELP line. */
  help: unknown;
  labels: string[];
}

/** What the definition exposes, or null when the fixture does not say it while typing. */
function exposedOf(def: MetricDefinition, a: AnalysedCase): Exposed | null {
  if (def.name.state !== 'known' || typeof def.name.value !== 'string') return null;
  if (def.library === 'prom-client') {
    const labels = def.labelNames.state === 'absent' ? [] : def.labelNames.state === 'known' && Array.isArray(def.labelNames.value) ? (def.labelNames.value as string[]) : null;
    if (!labels || def.help.state === 'unknown' || def.configValue) return null;
    return { name: def.name.value, kind: def.kind, help: def.help.state === 'known' ? def.help.value : undefined, labels };
  }
  const unit = def.unit.state === 'absent' ? '' : def.unit.state === 'known' ? String(def.unit.value) : null;
  if (unit === null) return null;
  // Attribute keys become labels; a description becomes the HELP line (none: no HELP line).
  const keys = new Set(a.metrics.uses.filter((u) => u.metric.def === def).flatMap((u) => u.labels.map((l) => l.name ?? '')));
  const help = def.help.state === 'unknown' ? 'Described at run time.' : def.help.state === 'known' && def.help.value ? String(def.help.value) : null;
  return { name: otelPrometheusName(def.name.value, def.kind, unit), kind: def.kind, help, labels: [...keys].filter(Boolean).map(otelPrometheusLabel) };
}

const CLASSES = { counter: client.Counter, gauge: client.Gauge, histogram: client.Histogram, summary: client.Summary } as const;

/** The exposition text of the metric registered alone in a fresh registry with one sample; throws what prom-client throws. */
async function render(m: Exposed): Promise<string> {
  const registry = new client.Registry();
  // An instrument without a description is rendered with a placeholder, whose HELP line is then removed.
  const help = (m.help === null ? 'none' : m.help) as string;
  const metric = new CLASSES[m.kind]({ name: m.name, help, labelNames: m.labels, registers: [registry] });
  const labels = Object.fromEntries(m.labels.map((l) => [l, 'x']));
  if (metric instanceof client.Counter) metric.inc(labels, 1);
  else if (metric instanceof client.Gauge) metric.set(labels, 1);
  else metric.observe(labels, 0.5);
  const text = await registry.metrics();
  return m.help === null ? text.split('\n').filter((line) => !line.startsWith(`# HELP ${m.name} `)).join('\n') : text;
}

/** Sample names a metric writes: a histogram's and a summary's family also own `_sum`, `_count` (and `_bucket`). */
function seriesNames(m: Exposed): string[] {
  if (m.kind === 'histogram') return [m.name, `${m.name}_bucket`, `${m.name}_sum`, `${m.name}_count`];
  if (m.kind === 'summary') return [m.name, `${m.name}_sum`, `${m.name}_count`];
  return [m.name];
}

/**
 * Runs promtool on the texts, batched so that no two metrics of a batch share a series name (the
 * text format allows one family per name), and returns each item's problems.
 */
function promtool(items: Array<{ metric: Exposed; text: string }>): string[][] {
  const batches: Array<{ names: Set<string>; items: number[] }> = [];
  items.forEach(({ metric }, i) => {
    const names = seriesNames(metric);
    let batch = batches.find((b) => names.every((n) => !b.names.has(n)));
    if (!batch) batches.push((batch = { names: new Set(), items: [] }));
    for (const n of names) batch.names.add(n);
    batch.items.push(i);
  });
  const problems: string[][] = items.map(() => []);
  for (const batch of batches) {
    const input = batch.items.map((i) => items[i].text.trimEnd()).join('\n') + '\n';
    const run = spawnSync('promtool', ['check', 'metrics'], { input, encoding: 'utf8' });
    if (run.error) assert.fail(`promtool could not run (${run.error.message}): install it with \`apt-get install prometheus\` (Debian) to run this test`);
    // 0: no problems; 3: lint problems. Anything else is promtool failing to read the text.
    assert.ok(run.status === 0 || run.status === 3, `promtool exited ${run.status}: ${run.stderr}\n--- input ---\n${input}`);
    const byName = new Map(batch.items.map((i) => [items[i].metric.name, i]));
    for (const line of run.stderr.split('\n')) {
      const m = /^(\S+) (.+)$/.exec(line.trim());
      if (!m) continue;
      const i = byName.get(m[1]);
      assert.ok(i !== undefined, `promtool names a metric that was not given: ${line}`);
      problems[i].push(m[2]);
    }
  }
  return problems;
}

describe('metric-naming agrees with promtool check metrics', function () {
  this.timeout(120_000);

  it('flags exactly the fixture metrics promtool complains about, in its words, and its lint-clean names pass', async () => {
    const compared: Array<{ def: MetricDefinition; a: AnalysedCase; metric: Exposed; text: string }> = [];
    let rejected = 0;
    for (const c of metricCases()) {
      const a = analyseCase(c, ['metric-naming']);
      for (const def of a.metrics.definitions) {
        const metric = exposedOf(def, a);
        if (!metric) continue;
        let text: string;
        try {
          text = await render(metric);
        } catch {
          rejected++; // prom-client rejects it: invalid-metric-definition's business (promClient.test.ts)
          continue;
        }
        compared.push({ def, a, metric, text });
      }
    }
    assert.ok(compared.length >= 40, `enough definitions compared (${compared.length})`);
    assert.ok(rejected >= 5, `the definitions prom-client rejects are left out (${rejected})`);

    const problems = promtool(compared);
    let flagged = 0;
    const cleanNames: Array<{ metric: Exposed; text: string }> = [];
    for (const [i, { def, a, metric }] of compared.entries()) {
      const expected = problems[i];
      const findings = findingsOf(def, a);
      const messages = findings.map((f) => f.message);
      const context = `${where(def, a)} \`${metric.name}\`: promtool says ${JSON.stringify(expected)}, metric-naming says ${JSON.stringify(messages)}`;
      assert.equal(findings.length > 0, expected.length > 0, context);
      for (const problem of expected) assert.ok(messages.some((m) => m.includes(problem)), `${context}: "${problem}" is in a message`);
      if (expected.length === 0) continue;
      flagged++;
      // The suggested names, metric and labels together, must satisfy promtool.
      const nameFinding = messages.find((m) => m.startsWith('Metric'));
      const clean = nameFinding ? /Lint-clean name: `([^`]+)`/.exec(nameFinding)?.[1] ?? metric.name : metric.name;
      const labels = metric.labels.flatMap((label) => {
        const labelFinding = messages.find((m) => m.includes(`label \`${label}\``) || m.startsWith(`Label \`${label}\``));
        if (!labelFinding) return [label];
        const cleanLabel = /Lint-clean name: `([^`]+)`/.exec(labelFinding)?.[1];
        return cleanLabel ? [cleanLabel] : []; // a reserved label has no single right name: dropped
      });
      const cleaned = { name: clean, kind: metric.kind, help: 'Help text.', labels };
      cleanNames.push({ metric: cleaned, text: await render(cleaned) });
    }
    assert.ok(flagged >= 20, `enough definitions flagged (${flagged})`);
    const cleanProblems = promtool(cleanNames).flatMap((p, i) => p.map((text) => `${cleanNames[i].metric.name} ${text}`));
    assert.deepEqual(cleanProblems, [], 'the lint-clean names pass promtool');
  });
});
