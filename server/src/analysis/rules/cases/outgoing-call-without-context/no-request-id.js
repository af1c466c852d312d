// @case library=pino path=src/app.js
// No request id at all: missing-request-id-middleware names the cause; this rule stays quiet.
const express = require('express');

const app = express();
app.get('/ping', async (req, res) => {
  await fetch('http://upstream/ping');
  res.send('pong');
});

module.exports = app;
