// @case library=pino loggerModule=src/logger.ts path=src/monitor.ts
// A project's own logger class that takes a module tag first and prints the rest of its arguments
// with console (Uptime Kuma's `log.info("monitor", ...msg)`: `info` passes `...msg` on to its sink
// `log(module, level, ...msg)`, which formats a time, the tag and the level before
// `console.info(time, tag, level, ...msg)`): the message is the argument after the tag, reported
// without a fix (the class decides what is printed). A constant message, or a message spread from an
// array, is left alone.
class Logger {
  log(module: string, level: string, ...msg: unknown[]) {
    const time = new Date().toISOString();
    const tag = `[${module.toUpperCase()}]`;
    switch (level) {
      case 'error':
        console.error(time, tag, level, ...msg);
        break;
      default:
        console.info(time, tag, level, ...msg);
        break;
    }
  }

  info(module: string, ...msg: unknown[]) {
    this.log(module, 'info', ...msg);
  }

  exception(module: string, exception: unknown, ...msg: unknown[]) {
    this.log(module, 'error', ...msg, exception);
  }
}

const log = new Logger();

export function check(name: string, ms: number, err: Error, parts: string[]): void {
  log.info('monitor', `[${name}] took ${ms} ms`);
                    //~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  log.exception('monitor', err, 'Check failed for ' + name);
                              //~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  log.info('monitor', 'Check done');
  log.info('monitor', ...parts);
}
