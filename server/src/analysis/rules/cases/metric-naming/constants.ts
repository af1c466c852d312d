import * as client from 'prom-client';

const PREFIX = 'billing';
const NAME = 'invoices_created';

// The name comes from constants: flagged where it is built, with no rename (the constant may be used elsewhere).
export const invoices = new client.Counter({ name: `${PREFIX}_${NAME}`, help: 'Invoices created.' });
                                                 //~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `billing_invoices_created`: counter metrics should have "_total" suffix (promtool check metrics). Lint-clean name: `billing_invoices_created_total`.
export const refunds = new client.Counter({ name: PREFIX + '_refunds', help: 'Refunds.' });
                                                //~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `billing_refunds`: counter metrics should have "_total" suffix (promtool check metrics). Lint-clean name: `billing_refunds_total`.
export const total = new client.Counter({ name: NAME + '_total', help: 'Invoices created.' });

export function named(prefix: string) {
  // Its prefix is not known while typing, its suffix is: a counter without `_total` whatever the prefix.
  return new client.Counter({ name: `${prefix}_events`, help: 'Events.' });
                                  //~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `${prefix}_events`: counter metrics should have "_total" suffix (promtool check metrics), whatever its computed part.
}
