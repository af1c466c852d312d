// @case library=pino path=src/controllers/user.js rules=unstructured-log-message
// YApi's log helper: `exports.log = (msg, type) => { let f; switch (type) { case 'warn': f =
// console.warn; ... } f(type + ':', msg); ... }` prints its message with whichever console method its
// block assigns. A call of it is a log call with the caller's message, checked without a fix.
const commons = require('../utils/commons');

async function login(ctx, port) {
  try {
    await ctx.verify();
    commons.log('login success');
  } catch (e) {
    commons.log(e.message, 'error');
              //~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
  }
  commons.log(`listening on ${port}`);
            //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

// A variable assigned something besides console's methods is no console method.
function report(sink, line) {
  let out;
  if (sink) out = sink.write;
  else out = console.log;
  out(`report ${line}`);
}

module.exports = { login, report };
