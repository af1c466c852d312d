// @case library=winston path=src/client.ts
// matrix-appservice-irc: each module asks for a logger by name, made once and kept in a map
// (`let logger = loggers.get(name); if (!logger) { logger = createLogger(name); ... } return logger`);
// a client keeps an object of level helpers that tag the caller's message and pass the further
// arguments on, in a member typed with an interface of its own, assigned in the constructor. The
// project's winston format fills `%s` from those arguments. (The helpers' own tag is a value of the
// client's, reported as any template is.)
import { getLogger } from './logging';

const log = getLogger('BridgedClient');

export interface ClientLogger {
  debug(msg: string, ...args: unknown[]): void;
  info(msg: string, ...args: unknown[]): void;
  error(msg: string, ...args: unknown[]): void;
}

export class BridgedClient {
  public readonly log: ClientLogger;

  constructor(private readonly nick: string) {
    const prefix = `<${nick}> `;
    this.log = {
      debug: (msg: string, ...args) => log.debug(`${prefix}${msg}`, ...args),
                                               //~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
      info: (msg: string, ...args) => log.info(`${prefix}${msg}`, ...args),
                                             //~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
      error: (msg: string, ...args) => log.error(`${prefix}${msg}`, ...args),
                                               //~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    };
  }

  connect(domain: string) {
    log.info(`Connecting ${this.nick}`);
           //~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    this.log.info('Connecting to IRC server %s as %s', domain, this.nick);
                //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
    this.log.info('Client is now CONNECTED');
  }
}
