// @case path=src/app.js
const express = require('express');
const bodyParser = require('body-parser');
const { createNamespace } = require('cls-hooked');
const Redis = require('ioredis');

const session = createNamespace('session');
const app = express();
app.use((req, res, next) => {
//      ~~~~~~~~~~~~~~~~~~~~~ [async-context-lost] The context middleware is mounted before body-parser (line 15), which calls next from the request stream's events, outside the context it entered: the handlers after it read no context. Mount body-parser first.
  session.run(() => {
    session.set('requestId', req.headers['x-request-id']);
    next();
  });
});
app.use(bodyParser.json());

const events = new Redis();
function subscribe() {
  events.on('message', (channel) => {
//~~~~~~~~~ [async-context-lost] This listener reads the request's context, but it is registered outside any request on an ioredis client, whose events come from I/O: Node runs it outside every request, so it reads none. Pass the id with the event, or read the context where the event is emitted.
    return { channel, requestId: session.get('requestId') };
  });
}
subscribe();

app.get('/me', (req, res) => res.json({ requestId: session.get('requestId') }));

module.exports = app;
