// @case library=bunyan path=src/auth.cjs
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'auth' });

function login(user, reqId) {
  log.info({ userName: user.name }, 'user logged in');
  log.warn({ reqId, userAttempts: user.attempts }, 'login attempt of 3');
  log.info({ userName: user.name }, 'session for userName opened');
}

module.exports = { login };
