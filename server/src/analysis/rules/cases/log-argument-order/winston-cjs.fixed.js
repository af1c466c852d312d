// @case library=winston loggerModule=src/logger.js path=src/payments.js
const { logger } = require('./logger');

function pay(amount, currency) {
  const meta = { amount, currency };
  logger.warn(`payment of ${amount} declined`, meta);
  logger.log('info', 'paid' /* fields */, { amount });
  logger.info('paid', meta);
}

module.exports = { pay };
