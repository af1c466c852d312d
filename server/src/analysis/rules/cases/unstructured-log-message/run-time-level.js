// @case library=pino loggerModule=src/logger.js path=src/triggers.js
// A level read at run time under a level's name (Parse Server's `logger[logLevel](...)`, its level
// from the configuration) is a call of one of the logger's level methods: its message is checked as
// any level's is. A key of another name is no level, and a level chosen on something that is no
// logger is no log call.
const { logger } = require('./logger');

function logTrigger(triggerType, className, logLevel) {
  if (logLevel === 'silent') return;
  logger[logLevel](`${triggerType} triggered for ${className}`);
//                 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger[logLevel]({ triggerType, className }, 'trigger ran');
}

function callHook(hooks, name, className) {
  hooks[name](`${className} hook`);
}

function report(reporter, level, className) {
  reporter[level](`${className} reported`);
}

module.exports = { logTrigger, callHook, report };
