const { logger } = require('./winstonLogger');
class WinstonAdapter {
  log(level, message, ...args) {
    logger.log(level, message, ...args);
  }
}
module.exports = { WinstonAdapter };
