// @case library=winston loggerModule=src/logger.js path=src/orders.js
const { logger } = require('./logger');

function place(id, meta) {
  logger.info(`order ${id} placed`, meta);
            //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info(`order ${id} placed`, { ...meta, source: 'api' });
            //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

module.exports = { place };
