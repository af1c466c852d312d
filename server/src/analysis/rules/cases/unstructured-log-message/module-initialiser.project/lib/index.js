// The runtime's entry: its state, the logger among it, handed to each module's initialiser.
const pino = require('pino');
const flows = require('./flows');

const log = pino();
var runtime = {
  log: log,
  settings: { info() {} },
};

function start() {
  return Promise.resolve().then(function () {
    return flows.init(runtime);
  });
}

module.exports = { start };
