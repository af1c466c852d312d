// @case library=winston loggerModule=src/logger.js path=src/signup.js
const { logger } = require('./logger');

function signup(form, res) {
  logger.info('signup', { email: form.email, password: form.password });
                        //~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `email`, which looks like personal data (an email address); log an id instead.
                                           //~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `password`, which looks like a secret; leave it out or redact it.
  logger.info('signup', { 'x-api-key': res.headers['x-api-key'] });
                        //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `x-api-key`, which looks like a secret; leave it out or redact it.
  logger.debug('signup form', form.creditCardNumber);
                            //~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `form.creditCardNumber`, which looks like a secret; leave it out or redact it.
  logger.info(`signup by ${form.email} with ${form.cvv}`);
                         //~~~~~~~~~~ [sensitive-log-data] Log record includes `form.email`, which looks like personal data (an email address); log an id instead.
                                            //~~~~~~~~ [sensitive-log-data] Log record includes `form.cvv`, which looks like a secret; leave it out or redact it.
  logger.info('cookies', { cookies: res.cookies, setCookie: res.getHeader('set-cookie') });
                         //~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `cookies`, which looks like a secret; leave it out or redact it.
                                               //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `setCookie`, which looks like a secret; leave it out or redact it.
}

module.exports = { signup };
