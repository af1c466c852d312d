// @case library=log4js path=src/app.js
const log4js = require('log4js');
const logger = log4js.getLogger();

function ok(id) {
  logger.info('saved', { id });
  logger.info({ id }, 'saved');
  console.log('saved', { id });
}

module.exports = { ok };
