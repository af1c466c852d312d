const winston = require('winston');

// Homepage's format: the stack, when the record has one, is printed in place of the message.
function messageFormatter(info) {
  if (info.stack) {
    return `[${info.timestamp}] ${info.level}: ${info.stack}`;
  }
  return `[${info.timestamp}] ${info.level}: ${info.message}`;
}

const logger = winston.createLogger({
  format: winston.format.combine(winston.format.errors({ stack: true }), winston.format.timestamp(), winston.format.printf(messageFormatter)),
  transports: [new winston.transports.Console()],
});

module.exports = { logger };
