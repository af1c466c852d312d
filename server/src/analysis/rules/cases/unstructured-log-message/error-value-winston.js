// @case library=winston loggerModule=src/logger.js path=src/jobs.js
// winston keeps an error only as the whole meta argument, so a message holding an error and
// another value has no structured form that keeps both: reported without a fix
// (error-not-serialized has one when the error is the only value).
const { logger } = require('./logger');

function schedule(job) {
  return job.run().catch((e) => logger.error(`job ${job.id} failed: ${e}`));
                                           //~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

module.exports = { schedule };
