// @case library=pino type=module path=src/app.js rules=error-not-serialized,unstructured-log-message
// A colour function makes a string of what it is given (picocolors: `'' + input`), so an error handed
// to one is printed as its text, its stack lost (mongo-express's start-up: `console.log(pico.red(error))`).
import pico from 'picocolors';

export async function start(connect) {
  try {
    await connect();
  } catch (error) {
    console.log(pico.red(error));
              //~~~~~~~~~~~~~~~ [error-not-serialized] `pico.red(error)` logs the error as text, which loses its stack and type; log the error object instead.
              //~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
    console.log(pico.red('connection failed'));
  }
}
