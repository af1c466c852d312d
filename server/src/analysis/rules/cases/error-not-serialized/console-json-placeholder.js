// @case library=pino path=src/storage/mongo.js rules=error-not-serialized
// console (and util.format's loggers) print an error argument with its stack, except where `%j`
// takes it: JSON.stringify writes an Error as `{}` (Nightscout's
// `console.log('Error closing failed MongoDB client: %j', err)`).
async function close(client) {
  try {
    await client.close();
  } catch (err) {
    console.log('Error closing failed MongoDB client: %j', err);
                                                         //~~~ [error-not-serialized] `err` logs the error as text, which loses its stack and type; log the error object instead.
    console.log('Error closing failed MongoDB client: %s', 'mongo', err);
    console.error('Error closing failed MongoDB client', err);
  }
}
module.exports = { close };
