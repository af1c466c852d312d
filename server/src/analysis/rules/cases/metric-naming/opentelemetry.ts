import { metrics } from '@opentelemetry/api';

const meter = metrics.getMeter('checkout');

// Counters are exported with `_total` added: their names need none.
export const orders = meter.createCounter('checkout.orders', { description: 'Orders placed.' });
export const latency = meter.createHistogram('checkout.latency', { description: 'Checkout latency.', unit: 'ms' });
                                           //~~~~~~~~~~~~~~~~~~ [metric-naming] Metric `checkout.latency` is exported to Prometheus as `checkout_latency_milliseconds`: use base unit "seconds" instead of "milliseconds" (promtool check metrics). Lint-clean name: `checkout_latency_seconds` (the values change unit too: seconds, not milliseconds).
export const cartSize = meter.createUpDownCounter('cart_items_total', { description: 'Items in carts.' });
                                                //~~~~~~~~~~~~~~~~~~ [metric-naming] Metric `cart_items_total` is exported to Prometheus as `cart_items_total`: non-counter metrics should not have "_total" suffix (promtool check metrics). Lint-clean name: `cart_items`.
export const payments = meter.createCounter('payments', { unit: '{payment}' });
                            //~~~~~~~~~~~~~ [metric-naming] Metric `payments` has no help text (promtool check metrics): pass a `description`; it becomes the # HELP line.
export const queueLength = meter.createObservableGauge('queueLength', { description: 'Jobs waiting.' });
                                                     //~~~~~~~~~~~~~ [metric-naming] Metric `queueLength` is exported to Prometheus as `queueLength`: metric names should be written in 'snake_case' not 'camelCase' (promtool check metrics). Lint-clean name: `queue_length`.
export const paymentTime = meter.createHistogram('payment.duration', { description: 'Payment duration.', unit: 's' });
export const bytesIn = meter.createCounter('network.io', { description: 'Bytes received.', unit: 'By' });

export function record(ms: number, method: string) {
  latency.record(ms, { 'http.method': method });
  orders.add(1, { paymentMethod: method });
                //~~~~~~~~~~~~~ [metric-naming] Attribute `paymentMethod` is exported as the label `paymentMethod`: label names should be written in 'snake_case' not 'camelCase' (promtool check metrics). Lint-clean name: `payment_method`.
}
