// @case library=pino path=src/server.js
// console prints its arguments as one line: a template after a constant tag builds that line from
// values, as Node-Media-Server's event log does; a value on its own after the tag is console-logging's.
const NodeMediaServer = require('node-media-server');

const nms = new NodeMediaServer({});
nms.on('preConnect', (id, args) => {
  console.log('[NodeEvent on preConnect]', `id=${id} args=${JSON.stringify(args)}`);
                                         //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  console.log('[NodeEvent on postConnect]', 'id=' + id);
                                          //~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  console.log('[NodeEvent on doneConnect]', id, args);
  console.log('[NodeEvent]', `connected`);
});
