// @case library=pino loggerModule=src/logger.ts path=src/app.ts rules=console-logging
// A variable holding one of console's methods (`const print = console.info`) prints as console does.
// Inside a function put in place of a console method (Fonoster's filter of a library's notice:
// `console.log = (...args) => { if (...) originalLog(...args) }`), the saved original is the sink.
const print = console.info;
const originalLog = console.log;

console.log = (...args: unknown[]) => {
  if (!args.join(' ').includes('deprecated version of Swagger')) originalLog(...args);
};

export function start(port: number) {
  print('starting on', port);
//~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}
