// @case library=winston path=src/plugin-manager.ts rules=unstructured-log-message
// NocoBase's winston logger has custom levels, `trace` among them: a call of one on a winston logger
// is a log call (without the level configured it would throw).
import winston from 'winston';

const levels = { error: 0, warn: 1, info: 2, debug: 3, trace: 4 };
const logger = winston.createLogger({ levels, transports: [new winston.transports.Console()] });

export function load(name: string) {
  logger.trace('before load plugin', { submodule: 'plugin-manager', name });
}

// syslog's levels (Nango's `levels: winston.config.syslog.levels`): `warning` is a log call.
const syslog = winston.createLogger({ levels: winston.config.syslog.levels, transports: [new winston.transports.Console()] });

export function release(locks: number) {
  syslog.warning('released locks', { locks });
  syslog.warning('locks released', { locks });
}
