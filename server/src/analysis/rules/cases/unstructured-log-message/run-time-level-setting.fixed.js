// @case library=pino loggerModule=src/logger.js path=src/functions.js
// A level read from the configuration (Parse Server's `logger[req.config.logLevels.cloudFunctionSuccess](...)`,
// levels per event) is a run-time level too; the file's only log call, it is read all the same. Any
// other member chosen at run time (`handlers[req.method](...)`) is no level.
const { logger } = require('./logger');

exports.ran = (req, name) => {
  logger[req.config.logLevels.cloudFunctionSuccess](
    { name },
    'Ran cloud function'
  );
  logger[req.method](`Ran cloud function ${name}`);
};
