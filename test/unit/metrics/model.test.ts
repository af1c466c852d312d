// The metrics model: metrics are recognised by following values from the library's import (never
// by names), OpenTelemetry names are exported as the specification says, and every lint-clean
// name the rules suggest is clean by the same lint.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { extractMetrics } from '../../../server/src/analysis/metrics';
import type { MetricKind } from '../../../server/src/analysis/metrics/libraries';
import { lintCleanName, nameProblems } from '../../../server/src/analysis/metrics/promlint';
import { otelPrometheusName } from '../../../server/src/analysis/metrics/prometheusName';

/** `kind name` of each definition, and `method(label, ...)` of each use. */
function summary(text: string): { defs: string[]; uses: string[] } {
  const m = extractMetrics('/project/src/metrics.ts', text);
  return {
    defs: m.definitions.map((d) => `${d.library} ${d.kind} ${d.name.state === 'known' ? String(d.name.value) : `<${d.name.state}>`}`),
    uses: m.uses.map((u) => `${u.method}(${u.labels.map((l) => l.name ?? '?').join(', ')})`),
  };
}

describe('metrics model', () => {
  it('follows prom-client through aliases, namespace and default imports, require and destructuring', () => {
    const { defs, uses } = summary(`
      import { Counter as PromCounter } from 'prom-client';
      import * as ns from 'prom-client';
      import def from 'prom-client';
      const cjs = require('prom-client');
      const { Histogram } = cjs;
      const a = new PromCounter({ name: 'a_total', help: 'a', labelNames: ['x'] });
      const b = new ns.Gauge({ name: 'b', help: 'b' });
      const c = new def.Summary({ name: 'c', help: 'c' });
      const d = new Histogram({ name: 'd_seconds', help: 'd', labelNames: ['route', 'code'] });
      const alias = a;
      alias.inc({ x: '1' });
      d.labels('GET', '200').observe(1);
      const end = d.startTimer();
      end({ code: '500' });
    `);
    assert.deepEqual(defs, ['prom-client counter a_total', 'prom-client gauge b', 'prom-client summary c', 'prom-client histogram d_seconds']);
    assert.deepEqual(uses, ['inc(x)', 'labels(route, code)', 'startTimer()', 'end(code)']);
  });

  it('recognises nothing that does not come from a metrics library, whatever it is called', () => {
    const { defs, uses } = summary(`
      import { Counter } from './my-counter';
      const metrics = { inc: (labels: object) => labels, createCounter: (name: string) => name };
      const c = new Counter({ name: 'x', help: 'y' });
      c.inc({ path: '/' });
      metrics.inc({ path: '/' });
      metrics.createCounter('requests');
      new Set<string>().add('a');
    `);
    assert.deepEqual(defs, []);
    assert.deepEqual(uses, []);
  });

  it('follows OpenTelemetry from metrics.getMeter() and a typed Meter to instruments and their attributes', () => {
    const { defs, uses } = summary(`
      import { metrics, type Meter } from '@opentelemetry/api';
      const meter = metrics.getMeter('svc');
      const requests = meter.createCounter('http.requests', { description: 'Requests.' });
      export function make(m: Meter) {
        return m.createUpDownCounter('queue.depth');
      }
      const attrs = { 'http.route': '/x' };
      requests.add(1, attrs);
    `);
    assert.deepEqual(defs, ['opentelemetry counter http.requests', 'opentelemetry gauge queue.depth']);
    assert.deepEqual(uses, ['add(http.route)']);
  });

  it('exports OpenTelemetry names as the Prometheus compatibility specification gives them', () => {
    const cases: Array<[string, MetricKind, string, string]> = [
      ['http.server.request.duration', 'histogram', 's', 'http_server_request_duration_seconds'],
      ['http.server.requests', 'counter', '{request}', 'http_server_requests_total'],
      ['system.network.io', 'counter', 'By', 'system_network_io_bytes_total'],
      ['disk.io.rate', 'gauge', 'By/s', 'disk_io_rate_bytes_per_second'],
      ['system.cpu.utilization', 'gauge', '1', 'system_cpu_utilization_ratio'],
      ['request_latency_seconds', 'histogram', 's', 'request_latency_seconds'],
      ['jobs.total.processed', 'counter', '', 'jobs_processed_total'],
      ['2xx.responses', 'gauge', '', '_2xx_responses'],
    ];
    for (const [name, kind, unit, exported] of cases) assert.equal(otelPrometheusName(name, kind, unit), exported, `${name} (${kind}, unit ${unit || 'none'})`);
  });

  it('suggests lint-clean names that the same lint finds nothing wrong with', () => {
    const word = fc.constantFrom('http', 'requests', 'latency', 'ms', 's', 'sec', 'kb', 'mb', 'bytes', 'kilobytes', 'milliseconds', 'hours', 'bits', 'counter', 'gauge', 'histogram', 'summary', 'total', 'count', 'sum', 'bucket', 'userLogins', 'Queue', 'api:calls', 'fahrenheit', 'm', 'h', 'd');
    const kind = fc.constantFrom<MetricKind>('counter', 'gauge', 'histogram', 'summary');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), kind, (words, k) => {
        const clean = lintCleanName(words.join('_'), k).name;
        assert.deepEqual(nameProblems({ name: clean, kind: k, hasHelp: true, labelNames: [] }), [], `${words.join('_')} (${k}) → ${clean}`);
      }),
      { numRuns: 2000 },
    );
  });
});
