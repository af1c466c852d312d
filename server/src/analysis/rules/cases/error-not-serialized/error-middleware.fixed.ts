// @case library=pino-http path=src/app.ts
// Express's error middleware gets the error first, however it is written: a function typed with
// express's ErrorRequestHandler (its parameters untyped), `err: any`, a level picked at run time.
import express, { type ErrorRequestHandler } from 'express';
import pinoHttp from 'pino-http';

const app = express();
app.use(pinoHttp());

const onError: ErrorRequestHandler = (err, req, res, next) => {
  const level = err.status < 500 ? 'warn' : 'error';
  req.log[level]({ status: err.status }, err.message);
  res.status(err.status || 500).end();
};
app.use(onError);
app.use((error: any, req: express.Request, res: express.Response, next: express.NextFunction) => {
  req.log.error({ path: req.path, err: error }, 'request failed');
  next(error);
});
// Four parameters whose first is not named as an error: no error.
app.use((ctx: any, req: express.Request, res: express.Response, next: express.NextFunction) => {
  req.log.info({ path: req.path }, `context ${ctx}`);
  next();
});
