// @case library=winston loggerModule=src/logger.js path=src/files.js
const fs = require('fs');
const { logger } = require('./logger');

fs.readFile('config.json', (err, data) => {
  if (err) {
    logger.error('config unreadable', err);
                                       //~~~~~~~~~~~ [error-not-serialized] `err.message` logs the error as text, which loses its stack and type; log the error object instead.
    return;
  }
  logger.info('config read', { bytes: data.length });
});

Promise.resolve().catch((e) => logger.warn('background task failed', e));
                                                                   //~ [error-not-serialized] `e` logs the error as text, which loses its stack and type; log the error object instead.
