// @case library=bunyan path=src/queue.js
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'queue' });

function consume(queue) {
  queue.pop((err, job) => {
    if (err) {
      log.error(err.message);
              //~~~~~~~~~~~ [error-not-serialized] `err.message` logs the error as text, which loses its stack and type; log the error object instead.
      log.error(err, 'pop failed');
                               //~~~~~~~~~~~~~~ [error-not-serialized] `err.toString()` logs the error as text, which loses its stack and type; log the error object instead.
      return;
    }
    log.info({ jobId: job.id }, 'job popped');
  });
}

module.exports = { consume };
