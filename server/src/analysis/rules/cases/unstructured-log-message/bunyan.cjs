// @case library=bunyan path=src/auth.cjs
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'auth' });

function login(user, reqId) {
  log.info('user ' + user.name + ' logged in');
         //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  log.warn({ reqId }, 'login attempt ' + user.attempts + ' of 3');
                    //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  log.info(
    'session for ' +
  //~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
      user.name +
      ' opened',
  );
}

module.exports = { login };
