const fs = require('fs');
const path = require('path');

exports.log = (msg, type) => {
  if (!msg) {
    return;
  }
  type = type || 'log';
  let f;
  switch (type) {
    case 'warn':
      f = console.warn;
      break;
    case 'error':
      f = console.error;
      break;
    default:
      f = console.log;
      break;
  }
  f(type + ':', msg);
  if (typeof msg === 'object') msg = msg instanceof Error ? msg.message : JSON.stringify(msg);
  fs.appendFileSync(path.join(__dirname, 'server.log'), `[ ${new Date().toLocaleString()} ] [ ${type} ] ${msg}\n`);
};
