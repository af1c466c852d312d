const pino = require('pino');
const logger = pino();
// pino has no `log`: the project gives its logger one.
logger.log = logger.info;
module.exports = { logger };
