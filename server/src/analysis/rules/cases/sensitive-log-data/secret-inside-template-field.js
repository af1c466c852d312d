// @case library=pino loggerModule=src/logger.js path=src/client.js
// A field built around a secret still holds it. A template field without one is fine.
const { logger } = require('./logger');

function call(api, credentials) {
  logger.debug({ auth: `Bearer ${credentials.accessToken}` }, 'calling api');
                               //~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `credentials.accessToken`, which looks like a secret; leave it out or redact it.
  logger.debug({ url: `${api.base}/v1/${api.path}` }, 'calling api');
}

module.exports = { call };
