// @case library=pino path=server/controllers/user.js rules=unstructured-log-message
// YApi's registry: `server/yapi.js` exports a few paths, and the entry sets its `commons` member to
// the helpers module (`yapi.commons = commons`). Every module that requires the registry logs
// through `yapi.commons.log(msg, type)`: the helper's calls, checked as the helper's direct calls are.
const yapi = require('../yapi.js');

async function login(ctx) {
  try {
    await ctx.verify();
    yapi.commons.log('login success');
  } catch (e) {
    yapi.commons.log(e.message, 'error');
                   //~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
  }
  yapi.commons.log('served ' + ctx.path);
                 //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  // A member nobody sets is nothing known.
  yapi.other.log('served ' + ctx.path);
}

module.exports = { login };
