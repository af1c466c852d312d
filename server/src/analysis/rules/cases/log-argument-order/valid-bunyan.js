// @case library=bunyan path=src/valid.js
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'valid' });

function ok(err, job) {
  log.info({ jobId: job.id }, 'job done');
  log.error(err, 'job failed');
  log.info('job %j', { id: job.id });
  log.child({ jobId: job.id }).info('child');
}

module.exports = { ok };
