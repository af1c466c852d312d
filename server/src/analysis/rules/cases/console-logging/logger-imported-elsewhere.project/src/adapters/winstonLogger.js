// The raw winston instance behind the adapter: only the adapter imports it.
const winston = require('winston');
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
module.exports = { logger };
