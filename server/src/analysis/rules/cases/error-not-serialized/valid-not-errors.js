// @case library=pino loggerModule=src/logger.js path=src/items.js
const { EventEmitter } = require('events');
const { logger } = require('./logger');

function list(items, emitter, response) {
  items.forEach((e) => logger.info(`item ${String(e)}`));
  emitter.on('data', (e) => logger.info({ text: String(e) }, 'data'));
  setTimeout((ex) => logger.info({ text: ex.message }, 'tick'), 10);
  logger.info({ message: response.message, status: String(response.status) }, 'response');
  return new EventEmitter();
}

module.exports = { list };
