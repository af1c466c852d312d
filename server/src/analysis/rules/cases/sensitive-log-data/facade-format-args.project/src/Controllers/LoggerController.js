export class LoggerController {
  constructor(adapter) {
    this.adapter = adapter;
  }

  log(level, args) {
    args = [].concat(level, [...args]);
    this.adapter.log.apply(this.adapter, args);
  }

  info() {
    return this.log('info', arguments);
  }

  error() {
    return this.log('error', arguments);
  }

  warn(...args) {
    return this.log('warn', args);
  }

  verbose() {
    return this.log('verbose', arguments);
  }
}

// Level-named methods that pass their arguments on, but not info, warn and error all three: no facade.
export class Alerts {
  constructor(sink) {
    this.sink = sink;
  }

  error() {
    return this.sink.show('error', arguments);
  }
}
