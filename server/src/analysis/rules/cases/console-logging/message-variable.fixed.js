// @case library=bunyan loggerModule=src/logger.js path=src/jobs/echo.js
// Reaction's job queue echoes a message by its kind: the one argument named as the message is the
// message of the new call, not a `message` field beside an empty one (bunyan and pino write `msg`).
// An untyped parameter may hold an object or a Buffer, which the logger would merge into the record:
// that fix is offered, not applied. A local built from strings is text: applied.
const { logger } = require('../logger');

function echo(type, message) {
  switch (type) {
    case 'danger': console.error(message); break;
    default: console.info(message);
  }
  const text = 'echoed ' + type;
  logger.info(text);
  const details = { type };
  logger.info({ details });
  logger.info('echoed');
}

module.exports = { echo };
