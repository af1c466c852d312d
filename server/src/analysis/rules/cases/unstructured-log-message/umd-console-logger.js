// @case library=pino path=js/app.js
// A logger made of console's own methods (`info: console.info.bind(console)`, or `console.info`
// itself) is the project's console-backed logger: message first, the rest printed after it, no fix.
// It is followed out of a UMD module's wrapper (`(function () { if (typeof module !== 'undefined')
// module.exports = makeLogger(); ... }())`) and through a `let` its function assigns it or a silent
// stand-in of empty methods (MagicMirror's js/logger.js). An object of only some console methods is no logger.
const Log = require('./logger');

const partial = { info: console.info.bind(console) };

function start(moduleName) {
  Log.log(`Starting node helper for: ${moduleName}`);
        //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  Log.error('Error when starting node_helper for module', moduleName);
  partial.info(`started ${moduleName}`);
}

module.exports = { start };
