// @case library=winston loggerModule=src/logger.js path=src/jobs/cleanup.js
const fs = require('fs');
const { logger } = require('../logger');

function cleanup(dir) {
  logger.info('cleaning', { dir });
  try {
    fs.rmSync(dir, { recursive: true });
  } catch (err) {
    logger.error('cleanup failed', err);
  }
}

module.exports = { cleanup };
