import express from 'express';
import pinoHttp from 'pino-http';
import { setLoggerMiddleware } from './logger';
import { router } from './routes';

const app = express();
app.use(pinoHttp({ genReqId: (req) => req.headers['x-request-id'] as string }));
app.use(setLoggerMiddleware);
app.use(router);
app.listen(3000);
