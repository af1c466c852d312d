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
  log.info({ count }, 'loaded flows');
  runtime.log.warn({ count }, 'missing types');
  settings.info(`not a logger ${count}`);
}

module.exports = { init: init, load: load };
