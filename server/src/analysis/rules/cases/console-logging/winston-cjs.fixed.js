// @case library=winston loggerModule=src/logger.js path=src/jobs/cleanup.js
const fs = require('fs');
const { logger } = require('../logger');

function cleanup(dir) {
  logger.info('cleaning', { dir });
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  try {
    fs.rmSync(dir, { recursive: true });
  } catch (err) {
    logger.error('cleanup failed', err);
  //~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
}

module.exports = { cleanup };
