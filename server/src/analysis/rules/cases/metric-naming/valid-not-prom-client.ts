// Classes and methods with the libraries' names that do not come from them are not metrics.
class Counter {
  constructor(readonly options: { name: string; help: string }) {}
  inc() {}
}

const local = new Counter({ name: 'requests', help: 'Not a prom-client metric.' });
local.inc();

const meter = { createCounter: (name: string) => ({ name, add: (_n: number) => undefined }) };
meter.createCounter('requestsCounter').add(1);
