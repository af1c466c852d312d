// @case rules=missing-request-id-middleware
// pino-http gives every request an id (req.id, req.log): nothing to report.
import express from 'express';
import pinoHttp from 'pino-http';

const app = express();
app.use(pinoHttp());

app.get('/orders', (req, res) => {
  req.log.info({ count: 0 }, 'orders listed');
  res.json([]);
});

app.listen(3000);
