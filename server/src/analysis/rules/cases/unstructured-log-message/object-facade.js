// @case path=src/comms.js rules=unstructured-log-message,error-not-serialized
// A hand-rolled logger object (Node-RED's log module, `var log = module.exports = { info: function(msg)
// { log.log({ level: log.INFO, msg: msg }) }, ... }`): its level methods hand their message to a sink the
// model cannot follow, so their calls are log calls, the message first, without a fix. An object whose
// level methods forward to the same level of something else (a toast) is no logger.
// (The catalog lookups below are util/translations.ts's.)
var log = require('./log');

function open(session, connect) {
  log.info('comms.open ' + session);
  //       ~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  log.warn('comms.open');
  try {
    connect();
  } catch (err) {
    log.error('comms error: ' + err.toString());
    //        ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
    //                          ~~~~~~~~~~~~~~ [error-not-serialized] `err.toString()` logs the error as text, which loses its stack and type; log the error object instead.
  }
}

// Message catalog lookups (`log._(key)`): a constant key alone is constant text; an error among the
// values is printed into the words as its text.
function load(storage) {
  log.info('\n' + log._('runtime.welcome') + '\n===================');
  return storage.getFlows().catch(function (err) {
    log.warn(log._('nodes.flows.error', { message: err.toString() }));
    //                                             ~~~~~~~~~~~~~~ [error-not-serialized] `err.toString()` logs the error as text, which loses its stack and type; log the error object instead.
  });
}

// A key chosen among constant keys is one of a few fixed messages.
function toggled(enabled) {
  log.info(' ' + log._('api.nodes.' + (enabled ? 'enabled' : 'disabled')));
}

var toast = require('./toast');
var notify = {
  info: function(m) { toast.info(m); },
  warn: function(m) { toast.warn(m); },
  error: function(m) { toast.error(m); },
};

function saved(name) {
  notify.info('saved ' + name);
}

module.exports = { open, load, saved };
