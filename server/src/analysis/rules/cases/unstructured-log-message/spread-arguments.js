// @case library=winston loggerModule=src/logger.js path=src/relay.js
// A spread argument cannot be merged into a meta object: reported, no fix.
const { logger } = require('./logger');

function relay(args, id) {
  logger.info(`relay ${id}`, ...args);
            //~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

module.exports = { relay };
