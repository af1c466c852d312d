// @case library=pino-http path=src/routes/items.js
const express = require('express');
const superagent = require('superagent');

const router = express.Router();
router.get('/items', async (req, res) => {
  const a = await superagent.get('http://stock/items');
//                ~~~~~~~~~~~~~~ [outgoing-call-without-context] This superagent call in a request handler does not pass the request id (x-request-id) or trace context on: the next service's logs of this request cannot be tied to this one's.
  const b = await superagent.get('http://stock/items').set('x-request-id', String(req.id));
  res.json([a.body, b.body]);
});

module.exports = router;
