// @case library=bunyan path=src/mailer.cjs
// bunyan formats an error after the message into the message text (util.format): the record has
// no `err` field. Passed first, bunyan serialises it under `err` even without serializers.
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'mailer' });

function send(transport, mail) {
  transport.send(mail, (err, info) => {
    if (err) {
      log.error(err, 'mail not sent');
      return;
    }
    log.info({ id: info.messageId }, 'mail sent');
  });
}

module.exports = { send };
