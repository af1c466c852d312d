// @case library=winston path=lib/mqtt.ts rules=unstructured-log-message,error-not-serialized
// A logger class whose level methods pass the caller's message (or a function making it) on to one
// method that writes it after a namespace tag (zigbee2mqtt's): its calls are log calls, the message
// first, with no fix (the project's logger takes no fields); a message made by a function when the level is on
// is the text it returns.
import logger from './util/logger';

const NS = 'z2m:mqtt';

export async function connect(server: string, open: () => Promise<void>): Promise<void> {
  logger.info(`Connecting to MQTT server at ${server}`, NS);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.debug('Using MQTT anonymous login', NS);
  logger.debug(() => `Received MQTT message on '${server}'`, NS);
  //                 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.debug(() => 'Connected', NS);
  try {
    await open();
  } catch (error) {
    logger.warning(`MQTT connect failed: ${(error as Error).message}`, NS);
                 //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
                                         //~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(error as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
  }
}
