// @case library=log4js loggerModule=src/logger.js path=src/app.js
const { logger } = require('./logger');
function start(port) {
  logger.info('listening');
  console.log('listening on', port);
}

module.exports = { start };
