const { logger } = require('../logger');
module.exports = function users(req) {
  logger.info('users requested', { id: req.id });
};
