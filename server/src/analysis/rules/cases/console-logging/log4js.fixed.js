// @case library=log4js loggerModule=src/logger.js path=src/app.js
const { logger } = require('./logger');
function start(port) {
  logger.info('listening');
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  console.log('listening on', port);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}

module.exports = { start };
