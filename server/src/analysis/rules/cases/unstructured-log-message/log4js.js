// @case library=log4js path=src/jobs.js
const log4js = require('log4js');
const logger = log4js.getLogger('jobs');

function run(name) {
  logger.info(`job ${name} started`);
            //~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  // log4js's layouts format a record's data with util.format: the placeholder is filled in.
  logger.info('job %s started', name);
            //~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
  logger.info('job started', name);
}

module.exports = { run };
