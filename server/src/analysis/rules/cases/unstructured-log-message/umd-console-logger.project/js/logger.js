// MagicMirror's js/logger.js: one file for the page and the server (a UMD module), whose logger is
// console's own methods bound to it when logging is on and empty methods when off.
(function () {
  if (typeof module !== 'undefined') {
    module.exports = makeLogger();
  } else {
    window.Log = makeLogger();
  }

  function makeLogger() {
    const enableLog = typeof module !== 'undefined' ? process.env.mmTestMode !== 'true' : true;
    let logLevel;
    if (enableLog) {
      logLevel = {
        debug: console.debug.bind(console),
        log: console.log.bind(console),
        info: console.info.bind(console),
        warn: console.warn.bind(console),
        error: console.error.bind(console),
      };
    } else {
      logLevel = {
        debug() {},
        log() {},
        info() {},
        warn() {},
        error() {},
      };
    }
    return logLevel;
  }
}());
