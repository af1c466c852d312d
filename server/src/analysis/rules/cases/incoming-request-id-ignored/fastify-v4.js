// @case library=pino path=src/server.js
const fastify = require('fastify')();
//              ~~~~~~~~~~~~~~~~~~ [incoming-request-id-ignored] Fastify 4 reads the request id from the request-id header by default, not x-request-id: the id a caller sent is ignored.

module.exports = fastify;
