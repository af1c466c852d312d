// @case library=bunyan path=src/mailer.cjs
// bunyan formats an error after the message into the message text (util.format): the record has
// no `err` field. Passed first, bunyan serialises it under `err` even without serializers.
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'mailer' });

function send(transport, mail) {
  transport.send(mail, (err, info) => {
    if (err) {
      log.error(err, 'mail not sent');
                               //~~~ [log-argument-order] bunyan formats an error passed after the message into the message text (no structured stack); pass it first: logger.error(err, 'message').
      return;
    }
    log.info({ id: info.messageId }, 'mail sent');
  });
}

module.exports = { send };
