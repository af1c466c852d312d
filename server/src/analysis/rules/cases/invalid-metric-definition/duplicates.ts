import { Counter, Gauge, Registry, register } from 'prom-client';

export const requests = new Counter({ name: 'requests_total', help: 'Requests.' });
export const requestsAgain = new Counter({ name: 'requests_total', help: 'Requests, again.' });
                                               //~~~~~~~~~~~~~~~~ [invalid-metric-definition] A metric named `requests_total` is already registered in the default registry (line 3): prom-client throws "A metric with the name requests_total has already been registered." when this runs. Reuse that metric, or name this one otherwise.
export const explicitDefault = new Gauge({ name: 'requests_total', help: 'Registered in the default registry by name.', registers: [register] });
                                               //~~~~~~~~~~~~~~~~ [invalid-metric-definition] A metric named `requests_total` is already registered in the default registry (line 3): prom-client throws "A metric with the name requests_total has already been registered." when this runs. Reuse that metric, or name this one otherwise.

// A registry of its own: the same name is a different metric there. (Lines in messages count without the marker lines.)
const workers = new Registry();
export const workerRequests = new Counter({ name: 'requests_total', help: 'Worker requests.', registers: [workers] });
export const workerRequestsAgain = new Counter({ name: 'requests_total', help: 'Worker requests.', registers: [workers] });
                                                     //~~~~~~~~~~~~~~~~ [invalid-metric-definition] A metric named `requests_total` is already registered in the same registry (line 9): prom-client throws "A metric with the name requests_total has already been registered." when this runs. Reuse that metric, or name this one otherwise.
// Not registered anywhere.
export const unregistered = new Counter({ name: 'requests_total', help: 'Unregistered.', registers: [] });

// Only one of these runs: not a duplicate.
export const mode = process.env.MODE === 'batch' ? new Gauge({ name: 'mode_info', help: 'Batch.' }) : new Gauge({ name: 'mode_info', help: 'Online.' });
// The usual guard against registering twice (hot reload, tests).
export const guarded = register.getSingleMetric('guarded_total') ?? new Counter({ name: 'guarded_total', help: 'Guarded.' });

export function perCall() {
  // Runs on every call: the second call throws, but a file cannot tell how often it is called.
  return new Counter({ name: 'per_call_total', help: 'Per call.' });
}

export function setUp() {
  // Runs in order each time setUp runs: the second throws on the first call.
  const calls = new Counter({ name: 'setup_calls_total', help: 'Calls.' });
  const callsAgain = new Counter({ name: 'setup_calls_total', help: 'Calls.' });
                                       //~~~~~~~~~~~~~~~~~~~ [invalid-metric-definition] A metric named `setup_calls_total` is already registered in the default registry (line 26): prom-client throws "A metric with the name setup_calls_total has already been registered." when this runs. Reuse that metric, or name this one otherwise.
  return [calls, callsAgain];
}
