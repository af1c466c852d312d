// @case library=winston path=src/start.js
// With the splat format configured (src/prestart.js), winston fills `%s` and `%d` from the arguments
// after the message, so the message holds the values, as pino's and bunyan's do: reported without a
// fix. A message without placeholders keeps its arguments as metadata.
const winston = require('winston');

exports.start = function start(version, url, took) {
  winston.info('NodeBB Ready v%s at %s', version, url);
             //~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
  winston.info('started', { took });
};
