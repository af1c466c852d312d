import express from 'express';
import { expressLogger } from './utils/logger';
import { router } from './routes/proxy';

const app = express();
// HyperDX's api-app.ts: the request logger is left out under CI, where the tests run.
if (!process.env.CI) {
  app.use(expressLogger);
}
app.use(router);

export default app;
