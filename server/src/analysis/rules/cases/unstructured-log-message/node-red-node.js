// @case library=pino path=nodes/tls.js rules=unstructured-log-message,error-not-serialized
// Node-RED nodes log through themselves: RED.nodes.createNode(this, config) makes `this` a Node whose
// log, warn, error, debug and trace write the message given first. So do the methods the file puts
// on the constructor's prototype, and a node looked up by id.
module.exports = function (RED) {
  function TlsNode(config) {
    RED.nodes.createNode(this, config);
    const node = this;
    try {
      this.cert = load(config.cert);
    } catch (err) {
      this.error(err.toString());
//               ~~~~~~~~~~~~~~ [error-not-serialized] `err.toString()` logs the error as text, which loses its stack and type; log the error object instead.
//               ~~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
      node.warn('could not load ' + config.cert);
//              ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
    }
    node.on('input', (msg) => {
      node.debug(`input for ${msg.topic}`);
//               ~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
      node.status({ text: `sent ${msg.topic}` });
    });
  }
  TlsNode.prototype.verify = function (peer) {
    this.log('verifying ' + peer);
//           ~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  };
  RED.nodes.registerType('tls-config', TlsNode);

  RED.httpAdmin.post('/tls/:id', (req, res) => {
    const node = RED.nodes.getNode(req.params.id);
    node.warn('reloaded by ' + req.user);
//            ~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
    res.sendStatus(200);
  });

  // A plain function's `this` is no node: its warn is not Node-RED's.
  function Helper() {
    this.warn('not a node ' + Date.now());
  }
  return Helper;
};

function load(file) {
  return file;
}
