// Parse Server's facade: the adapter is configured at run time, so the model does not see a logger here.
let current = null;
function setLogger(l) {
  current = l;
}
Object.defineProperty(module.exports, 'logger', { get: () => current });
module.exports.setLogger = setLogger;
