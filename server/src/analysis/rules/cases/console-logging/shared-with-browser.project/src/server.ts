import express from 'express';
import { formatQuery } from './shared/query';

const app = express();
app.get('/search', (req, res) => {
  res.send(formatQuery(String(req.query.q)));
});
app.listen(3000);
