// Parse Server's facade, cut to what the case needs: level methods handing `arguments` to an adapter
// the constructor is given (winston's, with splat: `%s` is filled from what follows the message).
export class LoggerController {
  constructor(adapter) {
    this.adapter = adapter;
  }

  log(level, args) {
    this.adapter.log(level, ...args);
  }

  info() {
    return this.log('info', arguments);
  }

  warn() {
    return this.log('warn', arguments);
  }

  error() {
    return this.log('error', arguments);
  }

  verbose() {
    return this.log('verbose', arguments);
  }
}
