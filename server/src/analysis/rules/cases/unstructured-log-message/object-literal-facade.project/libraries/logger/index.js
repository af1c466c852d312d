module.exports = require('./logging-manager.js')
