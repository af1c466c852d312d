// @case library=pino-http path=src/routes/users.js
// OpenTelemetry's auto-instrumentation (src/tracing.js) injects traceparent into every outgoing call.
const express = require('express');

const router = express.Router();
router.get('/users', async (req, res) => {
  const r = await fetch('http://profiles/users');
  res.json(await r.json());
});

module.exports = router;
