// @case library=pino loggerModule=src/logger.js path=src/orders.js
// A fields object first and another after the message: pino keeps the first, drops the second.
// Which fields were meant is for a person to decide: reported, no fix.
const { logger } = require('./logger');

function placed(order) {
  logger.info({ orderId: order.id }, 'order placed', { total: order.total });
                                                   //~~~~~~~~~~~~~~~~~~~~~~ [log-argument-order] pino drops an object passed after the message; pass the fields first: logger.info({ ... }, 'message').
}

module.exports = { placed };
