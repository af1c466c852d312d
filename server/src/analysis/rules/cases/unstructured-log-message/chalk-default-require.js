// @case library=pino loggerModule=src/logger.js
// NodeBB's `require('chalk').default`: a coloured value is logged as the value (its escape codes are
// no field), and a coloured constant is constant text.
const chalk = require('chalk').default;
const { logger } = require('../logger');

function check(moduleName) {
  logger.warn(`[${chalk.red('missing')}] ${chalk.bold(moduleName)} is a required dependency`);
//            ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

module.exports = { check };
