// The entry builds the classes of a CommonJS module with the project's logger.
const logger = require('./logger');
const Queue = require('./queue');
const queues = require('./queue');

new Queue({}, logger).add({ url: process.env.URL });
new queues.Reporter(logger);
