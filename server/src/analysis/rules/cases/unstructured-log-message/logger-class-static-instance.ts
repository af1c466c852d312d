// @case path=src/server.ts rules=unstructured-log-message
// A logger class of the project printing with console through a variable holding console's method
// (Homebridge's Logger: `let loggingFunction = console.log; switch (level) { ... loggingFunction = console.error }`),
// reached through an instance, a static field holding one (`Logger.internal`), or a function typed with its
// Logging interface: every call is a log call, the message first, without a fix. Its sink fills the message's
// placeholders from the further arguments (`util.format(message, ...parameters)`), so a `%s` message is built too.
import { Logger, LogLevel } from './logger';

const log = Logger.internal;

export function start(port: number, name: string) {
  log.info(`Listening on ${port}`);
         //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  Logger.internal.warn(`Listening on ${port}`);
                     //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  const plugin = Logger.withPrefix(name);
  plugin.info(`Loaded ${name}`);
            //~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

export function other(port: number) {
  const l = new Logger();
  l.info(`Listening on ${port}`);
       //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  l.log(LogLevel.INFO, `Listening on ${port}`);
                     //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

export function loaded(configPath: string) {
  log.warn('config.json (%s) not found.', configPath);
  //       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
  log.warn('config.json not found.');
}

// Its Logging interface has a call signature that logs at info: the logger called as a function, held
// in a local or a member named for logging (`this.log(...)`), is a log call too.
export class ChildBridge {
  private log = Logger.withPrefix('bridge');

  ready(pid: number, name: string) {
    this.log(`Launched child bridge with PID ${pid}`);
           //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    const logger = Logger.withPrefix(name);
    logger(`Initializing ${name}`);
         //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }

  // Through its Logging interface the implementation is not read, but a message with as many placeholders
  // as further arguments is written to be filled in: Homebridge's `logger('Initializing %s accessory...', id)`.
  load(name: string, index: number) {
    const logger = Logger.withPrefix(name);
    logger('Initializing %s accessory...', name);
         //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
    this.log.warn('Illegal accessory at position %d. ' +
                //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
      'Skipping entry...', index + 1);
    // More arguments than placeholders: what this logger does with the rest is not known.
    this.log.info('Loaded %s', name, index);
    this.log.info('100%% loaded', name);
  }
}
