// @case rules=missing-request-id-middleware,outgoing-call-without-context path=src/server.ts
// Datadog's tracer (dd-trace), started by the entry's first import (Nango's services): every request
// gets a trace and its outgoing HTTP calls carry it. Nothing to report.
import './tracer';
import express from 'express';

const app = express();

app.get('/orders', async (req, res) => {
  const stock = await fetch('http://stock.internal/levels');
  res.json(await stock.json());
});

app.listen(3000);
