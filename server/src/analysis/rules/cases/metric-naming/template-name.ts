// @case library=pino loggerModule=src/logger.ts
// A name built in a template, one gauge per queue (OpenPanel's worker): what its written parts
// decide is reported (a `_count` suffix on a gauge, `_ms`), whatever the computed part; a name whose
// written parts are clean is not.
import client from 'prom-client';

export function queueGauges(queues: Array<{ name: string; count(): number }>): void {
  for (const queue of queues) {
    new client.Gauge({ name: `${queue.name}_active_count`, help: 'Active jobs', collect() { this.set(queue.count()); } });
                           //~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `${queue.name}_active_count`: non-histogram and non-summary metrics should not have "_count" suffix (promtool check metrics), whatever its computed part.
    new client.Histogram({ name: `job_${queue.name}_duration_ms`, help: 'Job duration' });
                               //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `job_${queue.name}_duration_ms`: metric names should not contain abbreviated units (promtool check metrics), whatever its computed part.
    new client.Gauge({ name: `${queue.name}_jobs_waiting`, help: 'Waiting jobs' });
  }
}
