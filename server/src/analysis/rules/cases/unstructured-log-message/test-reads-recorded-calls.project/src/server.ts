import express from 'express';
import { finish } from './jobs';

const app = express();
app.post('/jobs/:id/finish', (req, res) => {
  finish(req.params.id, 1);
  res.sendStatus(204);
});
app.listen(3000);
