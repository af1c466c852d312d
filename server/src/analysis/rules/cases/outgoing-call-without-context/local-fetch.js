// @case library=pino-http path=src/routes/items.js
// A `fetch` of the file's own (a data loader), not the global one.
const express = require('express');

async function fetch(id) {
  return { id };
}

const router = express.Router();
router.get('/items/:id', async (req, res) => {
  res.json(await fetch(req.params.id));
});

module.exports = router;
