// @case path=src/index.ts rules=handler-missing-metrics
// The start script preloads New Relic's agent (`node -r newrelic`), which times every request. The
// .env switches OpenTelemetry's HTTP instrumentation off (for a tracer the team tried before): that
// switch does not reach New Relic's agent, so no handler is unmeasured.
import express from 'express';

const app = express();
app.get('/users/:id', (req, res) => {
  res.json({ id: req.params.id });
});
app.listen(3000);
