// @case library=winston path=src/pages/api/releases.js rules=unstructured-log-message,error-not-serialized
// Homepage's releases route: moving the error out of the message into winston's meta would make the
// project's printf print the stack in place of the message, and "Error checking GitHub releases" would
// be written nowhere. The fix is offered, not applied.
const { logger } = require('../../logger');

async function releases(req, res, cachedRequest) {
  try {
    return res.send(await cachedRequest('https://api.github.com/repos/gethomepage/homepage/releases', 5));
  } catch (e) {
    logger.error(`Error checking GitHub releases: ${e}`);
               //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
                                                  //~ [error-not-serialized] `e` logs the error as text, which loses its stack and type; log the error object instead.
    return res.send([]);
  }
}

module.exports = releases;
