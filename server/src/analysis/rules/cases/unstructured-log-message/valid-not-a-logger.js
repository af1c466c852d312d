// @case library=pino loggerModule=src/logger.js path=src/view.js
const cache = { info: (m) => m, warn: (m) => m };
function format(n) {
  return `#${n}`;
}

function show(res, id) {
  cache.info(`entry ${id}`);
  cache.warn('entry ' + id);
  res.send(`<p>${id}</p>`);
  return format(id);
}

module.exports = { show };
