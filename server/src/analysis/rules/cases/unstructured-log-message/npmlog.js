// @case library=pino path=server/routes/links.js rules=unstructured-log-message,error-not-serialized
// npmlog (Mailtrain's server/lib/log.js passes it on): each level takes a prefix, then the message,
// whose placeholders the further arguments fill (util.format); an error passed whole keeps its stack.
const express = require('express');
const log = require('../lib/log');

const router = express.Router();

router.get('/links/:id', (req, res) => {
  log.error('Redirect', 'Unresolved URL: <%s>', req.url);
                      //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
  log.verbose('Redirect', `Resolved link ${req.params.id}`);
                        //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  try {
    JSON.parse(req.query.data);
  } catch (err) {
    log.error('Redirect', err);
    log.warn('Redirect', 'Bad data: %s', err.message);
                       //~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
                                       //~~~~~~~~~~~ [error-not-serialized] `err.message` logs the error as text, which loses its stack and type; log the error object instead.
  }
  // Constant: a literal fills the placeholder.
  log.info('Express', 'Listening on port %s', 3000);
  res.redirect('/');
});

module.exports = router;
