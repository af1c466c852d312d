// @case library=winston
// winston's module is its default logger (`winston.add(transport)` configures it, NodeBB logs with
// it everywhere): its level methods are log calls like any winston logger's. An error's stack text
// as the whole message is the error's own text too: as many messages as errors (the stack is kept,
// so error-not-serialized stays quiet); reported without a fix.
const winston = require('winston');

exports.handleErrors = function handleErrors(err, req, res, next) {
  winston.error(`${req.method} ${req.originalUrl} failed`);
              //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  res.sendStatus(500);
};

exports.run = async function run(job) {
  try {
    await job();
  } catch (err) {
    winston.error(err.stack);
                //~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
    winston.warn(err.stack || err.message);
               //~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
    winston.error('job failed', err);
  }
  winston.info('done');
};
