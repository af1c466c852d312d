// @case rules=handler-missing-metrics
import Koa from 'koa';
import Router from '@koa/router';
import { Counter } from 'prom-client';

const requests = new Counter({ name: 'http_requests_total', help: 'Requests', labelNames: ['route'] });

const app = new Koa();
const router = new Router({ prefix: '/api' });

router.get('/books', (ctx) => {
  requests.inc({ route: '/api/books' });
  ctx.body = [];
});

router.del('/books/:id', (ctx) => {
     //~~~~~~~~~~~~~~~~ [handler-missing-metrics] `DELETE /api/books/:id` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. To cover it, record an `http_request_duration_seconds` histogram (method, route, status_code) in a middleware in front of it.
  ctx.status = 204;
});

app.use(router.routes());
app.listen(3000);
