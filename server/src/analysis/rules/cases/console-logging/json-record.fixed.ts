// @case library=pino loggerModule=src/logger.ts path=src/util.ts rules=console-logging,unstructured-log-message
// A hand-rolled JSON logger writes one record per line with console (Uptime Kuma's
// UPTIME_KUMA_LOG_FORMAT=json): a collector parses it as it would pino's, so neither rule reports it.
// Its plain-text branch is console output like any other.
import { logger } from './logger';
export function write(module: string, level: string, msg: string, json: boolean): void {
  if (json) {
    console.log(JSON.stringify({ time: new Date().toISOString(), module, level, msg }));
    return;
  }
  logger.info({ module, level2: level, msg2: msg });
}
