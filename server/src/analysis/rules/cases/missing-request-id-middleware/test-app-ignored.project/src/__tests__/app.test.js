const express = require('express');
const request = require('supertest');

it('answers a mocked route', async () => {
  const app = express();
  app.get('/mock', (req, res) => res.end());
  await request(app).get('/mock');
});
