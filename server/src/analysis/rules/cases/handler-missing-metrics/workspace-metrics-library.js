// @case path=services/docstore/app.js type=module rules=handler-missing-metrics
// Overleaf's services: a workspace library's request timer, reached through a namespace it
// re-exports (`Metrics.http.monitor(logger)`, `module.exports.http = require('./http')`), measures
// the routes mounted after it; a route mounted before it, and a second app without it, are not.
import express from 'express'
import pino from 'pino'
import Metrics from '@acme/metrics'

const logger = pino()
const app = express()

app.get('/health_check', (req, res) => res.sendStatus(200))
  //~~~~~~~~~~~~~~~~~~~ [handler-missing-metrics] `GET /health_check` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount express-prom-bundle in front of it, or record an `http_request_duration_seconds` histogram (method, route, status_code) in a middleware in front of it.
app.use(Metrics.http.monitor(logger))
app.get('/project/:project_id/doc', (req, res) => res.json([]))

const loadHttpServer = express()
loadHttpServer.post('/state/up', (req, res) => res.sendStatus(204))
             //~~~~~~~~~~~~~~~~ [handler-missing-metrics] `POST /state/up` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount express-prom-bundle in front of it, or record an `http_request_duration_seconds` histogram (method, route, status_code) in a middleware in front of it.

app.listen(3016)
loadHttpServer.listen(3048)
