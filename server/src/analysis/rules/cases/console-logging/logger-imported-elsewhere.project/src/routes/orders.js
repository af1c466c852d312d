const { logger } = require('../logger');
module.exports = function orders(req) {
  logger.info('orders requested', { id: req.id });
};
