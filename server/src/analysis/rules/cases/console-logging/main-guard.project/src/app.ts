import express from 'express';
import { sortAndReport } from './service/main-guard';

const app = express();
app.post('/sort', (req, res) => {
  sortAndReport(req.body.items);
  res.sendStatus(204);
});
app.listen(3000);
