const path = require('path');

const WEBROOT = path.resolve(__dirname, '..');

module.exports = { WEBROOT };
