// @case library=winston path=jobs/cleanup-files.js rules=unstructured-log-message,error-not-serialized
// AnythingLLM's Bree jobs log through `log(text)`, which posts the text to the parent process that
// logs it: its messages are checked (no fix: the parent decides how the text is written). A helper
// posting a result under another name is no logger.
const { log, send, conclude } = require('./helpers/index.js');

(async () => {
  try {
    const removed = await Promise.resolve(3);
    log(`Removed ${removed} generated files`);
      //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    log('cleanup finished');
    send(`removed ${removed}`);
  } catch (error) {
    log(`Cleanup failed: ${error.message}`);
      //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
                         //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
  } finally {
    conclude();
  }
})();

// The Telegram job's context hands its caller's message and arguments on as console would: its own
// call is no message of its own: the text is checked where `ctx.log` is called. One that adds a
// value of its own stays a finding.
function handle(chatId) {
  const ctx = {
    log: (text, ...args) => log(args.length ? `${text} ${args.join(' ')}` : text),
    trace: (text, ...args) => log(`${text} ${args.join(' ')} in chat ${chatId}`),
                                //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  };
  ctx.log(`Message from ${chatId}`);
        //~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  ctx.log('Message received');
  return ctx;
}

// A method named for logging that sends its text to the parent is the same helper.
class Worker {
  log(text) {
    process.send(`[worker ${process.pid}] ${text}`);
  }

  run(count) {
    this.log(`processed ${count} jobs`);
           //~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }
}
module.exports.Worker = Worker;
