// @case library=winston loggerModule=src/logger.js path=src/payments.js
const { logger } = require('./logger');

function pay(amount, currency) {
  const meta = { amount, currency };
  logger.warn(meta, `payment of ${amount} declined`);
            //~~~~ [log-argument-order] winston takes the message first and the fields second: logger.info('message', { ... }).
  logger.log('info', { amount } /* fields */, 'paid');
                   //~~~~~~~~~~ [log-argument-order] winston takes the message first and the fields second: logger.info('message', { ... }).
  logger.info('paid', meta);
}

module.exports = { pay };
