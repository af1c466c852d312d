export default class ConsoleLog {
  constructor(public readonly prefix?: string) {}

  plain: typeof console.log = (...args) => {
    console.log(...this.getArgs(args));
  };

  info: typeof console.log = (...args) => {
    this.plain('info', ...args);
  };

  warn: typeof console.log = (...args) => {
    console.warn(...this.getArgs(['warn', ...args]));
  };

  protected getArgs(args: unknown[]) {
    return this.prefix ? [this.prefix, ...args] : args;
  }
}
