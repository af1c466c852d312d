// @case rules=missing-request-id-middleware
// The same Hono app without it: requests get no id.
import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
          //~~~~~~~~ [missing-request-id-middleware] This service's requests get no request id (no pino-http, Fastify, express-request-id, cls-rtracer, AsyncLocalStorage middleware, OpenTelemetry or dd-trace): its logs of one request cannot be told from another's, nor followed into the services it calls.
app.use('*', cors());

app.get('/orders', (c) => c.json([]));

export default app;
