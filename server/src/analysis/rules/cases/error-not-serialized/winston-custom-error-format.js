// @case library=winston loggerModule=src/config/logger.js path=src/index.js
// A winston format of the project's own that writes an Error's stack (node-express-boilerplate's
// `enumerateErrorFormat`) keeps it as winston's own errors format with stacks does: an error logged alone loses nothing.
// A configuration's copy of the environment's name (`config.env === 'development'`) marks development-only code.
const logger = require('./config/logger');
const config = { env: process.env.NODE_ENV };

async function start(listen) {
  try {
    await listen();
  } catch (error) {
    logger.error(error);
    if (config.env === 'development') {
      logger.error(`start failed: ${error.message}`);
    }
    logger.warn(`start failed: ${error.message}`);
                               //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
  }
}

module.exports = { start };
