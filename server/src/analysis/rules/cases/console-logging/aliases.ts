// @case library=pino loggerModule=src/logger.ts path=src/app.ts
const { warn } = console;
const out = globalThis.console;

export function start(port: number) {
  warn('starting');
//~~~~ [console-logging] console.warn in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  out.debug('port', port);
//~~~~~~~~~ [console-logging] console.debug in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  console.log(JSON.stringify({ port }));
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}
