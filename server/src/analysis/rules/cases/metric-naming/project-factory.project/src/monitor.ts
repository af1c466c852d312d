import { createGauge } from './util/metrics/createGauge';

export interface GaugeDefinition {
  name: string;
  help: string;
  query: () => Promise<number>;
}

// A factory of the factory: each definition it is given becomes a gauge.
export class DbMetricsMonitor {
  registerGaugeDbMetric(definition: GaugeDefinition) {
    const gauge = createGauge({ name: definition.name, help: definition.help });
    void gauge;
    return createGauge(definition);
  }
}
