// @case library=log4js loggerModule=src/logger.js path=src/app.js
function start(port) {
  console.log('listening');
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  console.log('listening on', port);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}

module.exports = { start };
