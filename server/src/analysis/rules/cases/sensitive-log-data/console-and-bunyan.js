// @case library=bunyan path=src/tokens.js
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'tokens' });

function issue(user, refreshToken, ssn) {
  log.info({ user: user.id, refresh_token: refreshToken }, 'issued');
                          //~~~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `refresh_token`, which looks like a secret; leave it out or redact it.
  console.log('issued', refreshToken);
                      //~~~~~~~~~~~~ [sensitive-log-data] Log record includes `refreshToken`, which looks like a secret; leave it out or redact it.
  console.log({ ssn });
              //~~~ [sensitive-log-data] Log record includes `ssn`, which looks like a secret; leave it out or redact it.
}

module.exports = { issue };
