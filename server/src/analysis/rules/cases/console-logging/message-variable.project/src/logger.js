const bunyan = require('bunyan');
const logger = bunyan.createLogger({ name: 'jobs' });
module.exports = { logger };
