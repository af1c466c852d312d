// @case library=pino loggerModule=src/logger.js path=src/audit.js
// A file whose only log call takes its level at run time, and calls it optionally, is read all the
// same (the file prefilter lets `logger[level]?.(` through, as `LEVEL` in capitals).
const { logger } = require('./logger');

exports.audit = (level, user) => logger[level]?.(`audit of ${user}`);
//                                               ~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
