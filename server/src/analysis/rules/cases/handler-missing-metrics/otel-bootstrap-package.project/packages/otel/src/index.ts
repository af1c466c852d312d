import { NodeSDK } from '@opentelemetry/sdk-node';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';

export function setup(options: { name: string }): void {
  const metricsConfigured = !!process.env.OTEL_METRICS_EXPORTER;
  const sdk = new NodeSDK({ serviceName: options.name, instrumentations: [getNodeAutoInstrumentations()], metricReaders: metricsConfigured ? undefined : [] });
  sdk.start();
}
