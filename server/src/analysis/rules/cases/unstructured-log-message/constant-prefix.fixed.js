// @case library=pino loggerModule=src/logger.js
// A constant prefix joined to literal text is a constant message: the values go as separate arguments.
const { logger } = require('../logger');

const GREEN = '\x1B[32m';
const RESET = '\x1B[0m';
const LOG = GREEN + 'ALARM SOCKET: ' + RESET;

function init(socket, prefix) {
  var LOG_WS = GREEN + 'WS: ' + RESET;
  logger.info(LOG + 'Connection from client ID: %s', socket.id);
  logger.info(LOG_WS + 'Disconnected client ID: %s', socket.id);
  logger.info(`${LOG}connected`);
  logger.info({ prefix }, 'connected');
  var changing = 'a: ';
  changing = socket.id;
  logger.info({ changing }, 'connected');
}

module.exports = { init };
