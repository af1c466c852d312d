// @case library=pino loggerModule=src/logger.js path=src/server.js type=module
// An ES module package whose jsconfig says nothing of resolution (automatisch's backend): its own
// imports name extensions (`./server.js`, `@/config.js`), so Node runs it as it is, and an added
// import names the extension too.
export function start(config) {
  console.log('listening', config.port);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}
