// @case library=bunyan loggerModule=src/logger.js path=src/jobs/echo.js
// Reaction's job queue echoes a message by its kind: the one argument named as the message is the
// message of the new call, not a `message` field beside an empty one (bunyan and pino write `msg`).
const { logger } = require('../logger');

function echo(type, message) {
  switch (type) {
    case 'danger': logger.error(message); break;
    default: logger.info(message);
  }
  const details = { type };
  logger.info({ details });
  logger.info('echoed');
}

module.exports = { echo };
