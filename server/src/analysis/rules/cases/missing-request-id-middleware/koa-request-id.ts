// @case rules=missing-request-id-middleware library=pino path=src/app.ts
// Logto's middleware: Koa's `(ctx, next)` stamps an id on each request (`ctx.requestId = nanoid()`)
// and hands `next` to the middleware it wraps. Requests have an id: nothing to report.
import Koa from 'koa';
import Router from '@koa/router';
import { nanoid } from 'nanoid';
import koaLogger from 'koa-logger';

const app = new Koa();
app.use(async (ctx, next) => {
  const requestId = nanoid(16);
  ctx.requestId = requestId;
  await koaLogger()(ctx, next);
});

const router = new Router();
router.get('/sessions', (ctx) => {
  ctx.body = [];
});
app.use(router.routes());

export default app;
