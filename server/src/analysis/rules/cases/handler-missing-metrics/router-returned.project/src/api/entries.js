const express = require('express');

function configure(app) {
  const api = express.Router();
  api.get('/entries/current', (req, res) => res.json({ app: app.get('name') }));
  return api;
}

module.exports = configure;
