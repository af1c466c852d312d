// A barrel passing the metrics module on.
export * from '../tools/metrics';
