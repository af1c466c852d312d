// @case path=src/routes/stats.js
const express = require('express');
const { AsyncLocalStorage } = require('node:async_hooks');
const { logger } = require('../logger');

let refresher = null;
const router = express.Router();

router.get('/stats', (req, res) => {
  // Started lazily by the first request: every later tick logs that request's id.
  if (!refresher) {
    refresher = setInterval(() => logger.info('refreshing stats'), 60000);
//              ~~~~~~~~~~~ [async-context-lost] This setInterval is started inside a request and its callback reads the request's context: every later tick runs in that request's context and logs its id, long after the request ended. Start the timer outside the request.
  }
  // One delayed step of this request: its id is the right one.
  setTimeout(() => logger.info('stats served'), 10);
  // Cleared when the request ends: it does not outlive it.
  const progress = setInterval(() => logger.info('still streaming'), 1000);
  res.on('close', () => clearInterval(progress));
  res.json({});
});

router.get('/watch/:user', (req, res) => {
  const user = req.params.user;
  // Uses the request's own values: no fix moves it out, a person decides.
  setInterval(() => logger.info({ user }, 'watching'), 5000);
//~~~~~~~~~~~ [async-context-lost] This setInterval is started inside a request and its callback reads the request's context: every later tick runs in that request's context and logs its id, long after the request ended. Start the timer outside the request.
  res.json({});
});

// A job runner's own store: the interval started inside a job's run keeps that job's context for ever.
const jobs = new AsyncLocalStorage();
jobs.run({ id: 'import-1' }, () => {
  setInterval(() => {
//~~~~~~~~~~~ [async-context-lost] This setInterval is started inside a request and its callback reads the request's context: every later tick runs in that request's context and logs its id, long after the request ended. Start the timer outside the request.
    const job = jobs.getStore();
    return job;
  }, 1000);
});

// Started at start-up: no request's context to keep.
setInterval(() => logger.info('heartbeat'), 30000);

module.exports = router;
