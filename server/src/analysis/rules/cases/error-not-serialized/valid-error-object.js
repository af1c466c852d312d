// @case library=pino loggerModule=src/logger.js path=src/valid.js
const { logger } = require('./logger');

async function run(task, id) {
  try {
    await task();
  } catch (err) {
    logger.error(err, 'task failed');
    logger.error({ err, id }, 'task failed');
    logger.error({ err, reason: err.code }, `task ${id} failed`);
  }
}

module.exports = { run };
