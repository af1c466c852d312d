// @case library=pino loggerModule=src/logger.js
// NodeBB's `require('chalk').default`: a coloured value is logged as the value (its escape codes are
// no field), and a coloured constant is constant text.
const chalk = require('chalk').default;
const { logger } = require('../logger');

function check(moduleName) {
  logger.warn({ moduleName }, '[missing] is a required dependency');
}

module.exports = { check };
