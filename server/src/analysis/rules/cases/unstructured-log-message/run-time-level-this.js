// @case library=pino loggerModule=src/logger.js path=src/audit.js
// A class's own level helpers called with a level chosen at run time (`this[level](...)`): a log call
// where its info and error helpers take the message at the same place, whichever level it is; where
// they differ (an error first), which argument is the message depends on the level, so it is not read.
const { logger } = require('./logger');

class Audit {
  info(message) {
    logger.info(message);
  }
  error(message) {
    logger.error(message);
  }
  record(level, user) {
    this[level](`audit of ${user}`);
  //            ~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }
}

class Mixed {
  info(message) {
    logger.info(message);
  }
  error(err, message) {
    logger.error({ err }, message);
  }
  record(level, user) {
    this[level](`mixed ${user}`);
  }
}

module.exports = { Audit, Mixed };
