const pino = require('pino');

module.exports = pino({ name: 'mirror' });
