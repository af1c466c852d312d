// @case library=pino path=src/Peer.js rules=unstructured-log-message,error-not-serialized
// A console-backed logger class of the project (Logger.js beside): its callers' messages are checked,
// and an error's text in the object it inspects after the message is text, as console's own would be.
const Logger = require('./Logger');

const log = new Logger('Peer');

async function connectTransport(transport, transportId, dtlsParameters) {
  try {
    await transport.connect({ dtlsParameters });
    log.info('Transport connected', { transportId });
  } catch (error) {
    log.error(`Failed to connect transport with ID ${transportId}`, {
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
      error: error.message,
           //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
    });
    log.error('Failed to connect transport', { transportId, error });
  }
}

module.exports = { connectTransport };
