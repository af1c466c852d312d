// @case library=winston loggerModule=src/logger.js path=src/core/kernel.js
// winston logs an error passed alone by its message: without an errors format keeping stacks in the
// project's format (Wiki.js's logger has none) the stack is lost. An error with a message, or a
// message alone, is not this.
const { logger } = require('../logger');

async function boot(start) {
  try {
    await start();
  } catch (err) {
    logger.error(err);
               //~~~ [error-not-serialized] winston writes the error `err` logged alone as its message only: its stack is lost (no `format.errors({ stack: true })` in the project's winston format). Add that format, or log a message with the error: `logger.error('failed', err)`.
    logger.error('boot failed', err);
    logger.warn('boot failed');
  }
}

module.exports = { boot };
