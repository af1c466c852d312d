// @case library=winston loggerModule=src/logger.js path=src/cart.js
// A value printed with JSON.stringify is logged as itself. Its shape in the record changes (an
// object, not a string), so the fix is offered but not applied by fix-all. With a replacer, which
// picks what is printed, the printed string is kept as the field's value.
const { logger } = require('./logger');

function updated(cart) {
  logger.info('cart updated: ' + JSON.stringify(cart));
  logger.debug(JSON.stringify(cart, null, 2));
  logger.debug('cart', { cart: JSON.stringify(cart, ['id']) });
}

module.exports = { updated };
