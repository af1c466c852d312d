// @case library=pino path=src/utils/commons.js rules=unstructured-log-message,console-logging
// The console call inside YApi's log helper is its sink: console-logging reports it (the helper
// writes unstructured text to stdout), but its first argument is the level tag before the caller's
// message (`f(type + ':', msg)`), whose text is checked where the helper is called.
exports.log = (msg, type) => {
  type = type || 'log';
  let f;
  switch (type) {
    case 'warn':
      f = console.warn;
      break;
    default:
      f = console.log;
      break;
  }
  f(type + ':', msg);
//~ [console-logging] console.warn in service code writes unstructured text; use the project's logger, which writes structured records with levels.
};

// Not a helper (nothing of the caller's is printed as a message): its own text is checked.
exports.banner = (port) => {
  let out;
  out = console.log;
  out('listening on ' + port);
//~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
};

// A tag made of another value (Documenso's job logger: `[${jobId}]` before the caller's arguments)
// puts that value in the text: reported.
exports.jobLogger = (jobId) => ({
  debug: (...args) => console.debug(`[${jobId}]`, ...args),
                    //~~~~~~~~~~~~~ [console-logging] console.debug in service code writes unstructured text; use the project's logger, which writes structured records with levels.
                                  //~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
});

// A listener printing its own message before the error it is handed is no logger's sink: its message is checked.
exports.watch = (queue) => {
  queue.on('failed', (jobId, err) => console.error(`Job ${jobId} failed`, err));
                                   //~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
                                                 //~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
};
