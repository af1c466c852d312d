// @case path=src/events.js
const { EventEmitter } = require('node:events');
const express = require('express');
const redis = require('redis');
const rTracer = require('cls-rtracer');
const knex = require('knex');
const { logger, requestContext } = require('./logger');

const subscriber = redis.createClient();
function listen() {
  subscriber.on('message', (channel, message) => {
//~~~~~~~~~~~~~ [async-context-lost] This listener reads the request's context, but it is registered outside any request on a redis client, whose events come from I/O: Node runs it outside every request, so it reads none. Pass the id with the event, or read the context where the event is emitted.
    logger.info({ channel, requestId: rTracer.id() }, 'message received');
  });
  process.on('unhandledRejection', (err) => {
//~~~~~~~~~~ [async-context-lost] This listener reads the request's context, but it is registered outside any request on the process, whose events come from I/O: Node runs it outside every request, so it reads none. Pass the id with the event, or read the context where the event is emitted.
    logger.error({ err, requestId: requestContext.getStore()?.id }, 'unhandled rejection');
  });
  // Start-up listeners that only log: no request, no id expected.
  subscriber.on('error', (err) => logger.error({ err }, 'redis error'));
}
listen();

// knex emits its query events from the query's promise chain, which carries the request's context.
const db = knex({ client: 'pg' });
db.on('query', (query) => logger.debug({ sql: query.sql, requestId: rTracer.id() }, 'query'));

// A plain emitter made here runs its listeners in the context of `emit`: a handler's, when a handler emits.
const bus = new EventEmitter();
bus.on('order', (order) => logger.info({ order, requestId: rTracer.id() }, 'order event'));

const app = express();
app.get('/orders', (req, res) => {
  // Registered inside the request: the stream's events keep its context.
  req.on('close', () => logger.info({ requestId: rTracer.id() }, 'closed'));
  bus.emit('order', { id: 1 });
  res.json([]);
});

module.exports = app;
