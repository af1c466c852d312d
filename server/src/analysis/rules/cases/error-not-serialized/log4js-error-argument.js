// @case library=log4js path=src/routes/util.js
// log4js formats a record's further arguments with util.format, as console does: an error among
// them is printed with its stack, so its text in the message beside it loses nothing (Unleash's
// `logger.error(`Server failed executing request: ${format(error)}`, error)`). Alone, it does.
const log4js = require('log4js');
const logger = log4js.getLogger('routes');

function handle(run) {
  try {
    run();
  } catch (error) {
    logger.error(`Server failed executing request: ${error.message}`, error);
    logger.warn(`Request failed: ${error.message}`);
                                 //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
  }
}
module.exports = { handle };
