const { parentPort } = require('node:worker_threads');

// Bree's parent logs every message a job sends it (`logger.info(message)`).
function log(stringContent = '') {
  if (parentPort) parentPort.postMessage(`[${process.pid}]: ${stringContent}`);
  else process.send(`[${process.ppid}:${process.pid}]: ${stringContent}`);
}

// Sends a result, not a log line.
function send(result) {
  parentPort.postMessage(result);
}

function conclude() {
  if (parentPort) parentPort.postMessage('done');
  else process.exit(0);
}

module.exports = { log, send, conclude };
