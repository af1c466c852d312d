// @case rules=handler-missing-metrics
// A base path read from the environment (Documenso's `new Hono().basePath(env.BASE || '/')`): the
// route is named as far as it is known, with `…` where the base goes, not as "a computed path".
import { Hono } from 'hono';

const auth = new Hono().post('/signout', (c) => c.json({}));
                      //~~~~~~~~~~~~~~~ [handler-missing-metrics] `POST /…/api/auth/signout` (… is computed at run time) is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount @hono/prometheus in front of it, or record an `http_request_duration_seconds` histogram (method, route, status_code) in a middleware in front of it.

const app = new Hono().basePath(process.env.BASE_PATH || '/');
app.route('/api/auth', auth);

export default app;
