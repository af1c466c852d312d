import winston from 'winston';
import type { LeveledLogMethod } from 'winston';

// Only the syslog levels the code uses: `warning`, not `warn`.
export interface StrictLogger {
  error: LeveledLogMethod;
  warning: LeveledLogMethod;
  info: LeveledLogMethod;
  debug: LeveledLogMethod;
}

const base = winston.createLogger({ levels: winston.config.syslog.levels, transports: [new winston.transports.Console()] });

export function getLogger(service: string): StrictLogger {
  return base.child({ service }) as unknown as StrictLogger;
}
