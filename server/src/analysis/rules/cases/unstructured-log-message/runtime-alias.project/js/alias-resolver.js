// MagicMirror's resolution hook: `require("log")` anywhere is js/log.js.
const path = require('node:path');
const Module = require('node:module');

const root = path.join(__dirname, '..');
const ALIASES = {
  log: 'js/log.js',
};
const resolved = Object.fromEntries(Object.entries(ALIASES).map(([k, rel]) => [k, path.join(root, rel)]));
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
  if (Object.prototype.hasOwnProperty.call(resolved, request)) return resolved[request];
  return original.call(this, request, parent, isMain, options);
};
