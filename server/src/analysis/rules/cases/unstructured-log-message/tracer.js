// @case library=tracer path=server/lib/device.js rules=unstructured-log-message,error-not-serialized,console-logging
// tracer's loggers (`tracer.colorConsole()`, `console()`, `dailyfile()`: Gladys Assistant's
// server/utils/logger.js) print as console does: the message first, placeholders filled, further
// arguments inspected, an error among them with its stack. The message is checked, without a fix.
const tracer = require('tracer');

const logger = tracer.colorConsole({ level: 'info' });

async function setValue(device, value, save) {
  logger.debug(`Setting ${device.name} to ${value}`);
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info('Setting value', value);
  try {
    await save(device, value);
  } catch (e) {
    logger.warn('Unable to save the value', e);
    logger.error(`Unable to save: ${e.message}`);
               //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
                                  //~~~~~~~~~ [error-not-serialized] `e.message` logs the error as text, which loses its stack and type; log the error object instead.
  }
}

module.exports = { setValue };
