// @case library=pino loggerModule=src/logger.js path=src/client.js
// A `let` that starts as constant text and has run-time text added (`data += chunk`, as a response
// body is read) holds run-time text: a message made from it is not constant (Actual's SimpleFIN
// client). Adding constant text keeps constant text constant.
const https = require('node:https');
const { logger } = require('./logger');

function get(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      let data = '';
      res.on('data', (chunk) => {
        data += chunk;
      });
      res.on('end', () => {
        try {
          resolve(JSON.parse(data));
        } catch (e) {
          logger.warn({ data }, 'Error parsing JSON response');
          reject(e);
        }
      });
    });
  });
}

function banner(verbose) {
  let text = 'service';
  if (verbose) text += ' (verbose)';
  logger.info(`starting ${text}`);
}

module.exports = { get, banner };
