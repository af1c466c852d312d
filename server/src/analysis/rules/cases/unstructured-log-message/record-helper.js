// @case library=winston path=src/service/jobQueue.js
// A project's logger whose level methods take one record and log its `message` key as the message
// (Checkmate's `info(config) { this.logger.info(config.message, {...}) }`): the message key of the
// record its callers write is checked, with no fix (the helper decides the shape). The error's text
// as that message is as many messages as errors, whether or not the record carries the stack.
import logger from '../utils/logger.js';

const SERVICE_NAME = 'JobQueue';

export async function addJob(queue, monitor) {
  try {
    await queue.add(monitor._id, { monitor });
    logger.info({ message: `Added job for monitor ${monitor._id}`, service: SERVICE_NAME, method: 'addJob' });
                         //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    logger.info({ message: 'Added job', service: SERVICE_NAME, details: { id: monitor._id } });
  } catch (error) {
    logger.error({ message: error.message, service: SERVICE_NAME, method: 'addJob', stack: error.stack });
                          //~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message (the error is already in the record).
    logger.warn({ message: error.message, service: SERVICE_NAME, method: 'addJob' });
                         //~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
  }
}
