// @case library=winston
// winston's module is its default logger (`winston.add(transport)` configures it, NodeBB logs with
// it everywhere): its level methods are log calls like any winston logger's. An error's stack text
// as the whole message is the error's own text too: as many messages as errors (the stack is kept,
// so error-not-serialized stays quiet); reported without a fix.
const winston = require('winston');

exports.handleErrors = function handleErrors(err, req, res, next) {
  winston.error('failed', {
    reqMethod: req.method,
    reqOriginalUrl: req.originalUrl,
  });
  res.sendStatus(500);
};

exports.run = async function run(job) {
  try {
    await job();
  } catch (err) {
    winston.error(err.stack);
    winston.warn(err.stack || err.message);
    winston.error('job failed', err);
  }
  winston.info('done');
};
