// @case rules=handler-missing-metrics path=src/app.js
// Nightscout's API: routers made by a module's function, handed every request under a path by
// `app.all(prefix, router)` or `app.get(path, router)` (Express strips no path there). The line
// forwards to the router's own routes, which are reported where they are written: it is no
// endpoint of its own.
const express = require('express');

function version(app) {
  const api = express.Router();
  api.get('/version', (req, res) => res.json({ version: app.get('version') }));
    //~~~~~~~~~~~~~~ [handler-missing-metrics] `GET /version` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount express-prom-bundle in front of it, or record an `http_request_duration_seconds` histogram (method, route, status_code) in a middleware in front of it.
  return api;
}

const app = express();
const entries = require('./api/entries')(app);
app.all('/entries*', entries);
app.get('/version', version(app));
app.get('/health', (req, res) => res.send('ok'));
  //~~~~~~~~~~~~~ [handler-missing-metrics] `GET /health` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount express-prom-bundle in front of it, or record an `http_request_duration_seconds` histogram (method, route, status_code) in a middleware in front of it.
app.listen(3000);
