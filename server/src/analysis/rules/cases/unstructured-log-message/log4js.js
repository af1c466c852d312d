// @case library=log4js path=src/jobs.js
const log4js = require('log4js');
const logger = log4js.getLogger('jobs');

function run(name) {
  logger.info(`job ${name} started`);
            //~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info('job %s started', name);
}

module.exports = { run };
