// @case library=pino loggerModule=src/logger.ts path=src/util.ts rules=console-logging,unstructured-log-message
// A hand-rolled JSON logger writes one record per line with console (Uptime Kuma's
// UPTIME_KUMA_LOG_FORMAT=json): a collector parses it as it would pino's, so neither rule reports it.
// Its plain-text branch is console output like any other.
export function write(module: string, level: string, msg: string, json: boolean): void {
  if (json) {
    console.log(JSON.stringify({ time: new Date().toISOString(), module, level, msg }));
    return;
  }
  console.log(`[${module}] ${level}: ${msg}`);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
