// @case library=pino path=lib/flows/index.js
// Node-RED's runtime modules keep what their entry hands their initialiser (`flows.init(runtime)`,
// `runtime` holding the logger as `log`): `log = runtime.log` and `runtime.log.warn(...)` are calls on
// that logger. A member of the same argument that is no logger stays none.
var log;
var runtime;
var settings;

function init(_runtime) {
  runtime = _runtime;
  log = _runtime.log;
  settings = _runtime.settings;
}

function load(count) {
  log.info(`loaded ${count} flows`);
         //~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  runtime.log.warn('missing types: ' + count);
                 //~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  settings.info(`not a logger ${count}`);
}

module.exports = { init: init, load: load };
