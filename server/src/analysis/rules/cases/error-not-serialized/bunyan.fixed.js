// @case library=bunyan path=src/queue.js
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'queue' });

function consume(queue) {
  queue.pop((err, job) => {
    if (err) {
      log.error(err.message);
      log.error(err, 'pop failed');
      return;
    }
    log.info({ jobId: job.id }, 'job popped');
  });
}

module.exports = { consume };
