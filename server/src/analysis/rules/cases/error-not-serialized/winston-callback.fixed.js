// @case library=winston loggerModule=src/logger.js path=src/files.js
const fs = require('fs');
const { logger } = require('./logger');

fs.readFile('config.json', (err, data) => {
  if (err) {
    logger.error('config unreadable', err);
    return;
  }
  logger.info('config read', { bytes: data.length });
});

Promise.resolve().catch((e) => logger.warn('background task failed', e));
