// @case library=winston loggerModule=src/logger.js path=src/ok.js
const { logger } = require('./logger');

function ok(id, message) {
  logger.info('saved', { id });
  logger.log('info', 'saved', { id });
  logger.log({ level: 'info', message: 'saved', id });
  logger.info({ message: 'saved', id });
  logger.info({ id }, message);
}

module.exports = { ok };
