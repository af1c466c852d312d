// @case library=pino-http path=src/routes/import.js rules=console-logging,handler-missing-request-context
// A handler declared as a function: the console fix writes the project logger and imports it, then
// the next pass of fix-all moves that call to req.log. The import it added is left unused, so
// fix-all removes it; `db`, imported before and still used, stays.
const express = require('express');
const db = require('../db');

const router = express.Router();

async function importEvents(req, res) {
  try {
    const written = await db.insert(req.body);
    req.log.info({ written }, 'events imported');
    res.send('OK');
  } catch (e) {
    req.log.error({ err: e });
    res.status(500).send('Error');
  }
}

router.post('/import', importEvents);

module.exports = { router };
