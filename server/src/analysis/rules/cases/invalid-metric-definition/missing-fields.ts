import { Counter, Gauge, Histogram, Summary } from 'prom-client';

export const noName = new Counter({ help: 'Requests.' });
                                //~~~~~~~~~~~~~~~~~~~~~ [invalid-metric-definition] prom-client throws "Missing mandatory name parameter" when this runs: every metric needs a name.
export const noHelp = new Gauge({ name: 'queue_depth' });
                              //~~~~~~~~~~~~~~~~~~~~~~~ [invalid-metric-definition] prom-client throws "Missing mandatory help parameter" when this runs: every metric needs help text (its # HELP line).
export const emptyHelp = new Gauge({ name: 'cache_entries', help: '' });
                                                                //~~ [invalid-metric-definition] prom-client throws "Missing mandatory help parameter" when this runs: every metric needs help text (its # HELP line).
// @ts-expect-error: the configuration is required
export const noConfig = new Histogram();
                      //~~~~~~~~~~~~~~~ [invalid-metric-definition] prom-client throws "constructor expected a config object" when this runs: pass { name, help }.
// @ts-expect-error: a name is not a configuration
export const nameOnly = new Summary('latency_seconds');
                                  //~~~~~~~~~~~~~~~~~ [invalid-metric-definition] prom-client throws "constructor expected a config object" when this runs: pass { name, help }.

const base = { help: 'Shared help.' };
// The configuration is followed to the constant: it has no name.
export const fromConstant = new Gauge(base as { name: string; help: string });
                                    //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [invalid-metric-definition] prom-client throws "Missing mandatory name parameter" when this runs: every metric needs a name.
// Name and help may come from the spread or a parameter: not known while typing, not flagged.
export const spread = new Counter({ ...base, name: 'spread_total' });
export function make(config: { name: string; help: string }) {
  return new Gauge(config);
}
