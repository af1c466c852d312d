const { logger } = require('../logger');
module.exports = function files(req) {
  logger.info('files requested', { id: req.id });
};
