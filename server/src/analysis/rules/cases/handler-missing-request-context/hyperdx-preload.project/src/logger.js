const pino = require('pino');
const logger = pino();
module.exports = { logger, expressLogger: require('pino-http')({ logger }) };
