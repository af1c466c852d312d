// @case rules=missing-request-id-middleware
// Hono's own request-id middleware gives every request `c.var.requestId` (Documenso's server): nothing to report.
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';

const app = new Hono();
app.use('*', requestId());

app.get('/orders', (c) => c.json([]));

export default app;
