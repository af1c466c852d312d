// @case library=bunyan path=src/auth.cjs
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'auth' });

function login(user, reqId) {
  log.info({ userName: user.name }, 'user logged in');
         //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  log.warn({ reqId, userAttempts: user.attempts }, 'login attempt of 3');
                    //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  log.info({ userName: user.name }, 'session for userName opened');
}

module.exports = { login };
