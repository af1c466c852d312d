// @case path=src/app.js rules=handler-missing-metrics
// New Relic's agent, required first thing in the entry (Novu's worker imports it so): it times every
// web transaction by route, with throughput and errors.
const express = require('express');

const app = express();
app.get('/orders/:id', (req, res) => {
  res.json({ id: req.params.id });
});

module.exports = { app };
