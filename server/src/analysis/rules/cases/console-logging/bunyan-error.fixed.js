// @case library=bunyan loggerModule=src/logger.js path=src/worker.js
// bunyan keeps an error only as the whole fields argument: `logger.error(err, 'msg')`.
const { logger } = require('./logger');
function work(queue) {
  queue.next((err, job) => {
    if (err) {
      logger.error(err, 'queue failed');
      console.error('queue failed', err, queue.name);
      return;
    }
    logger.info({ jobId: job.id }, '100% of job');
  });
}

module.exports = { work };
