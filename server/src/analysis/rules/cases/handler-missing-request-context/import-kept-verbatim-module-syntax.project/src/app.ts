import express from 'express';
import pinoHttp from 'pino-http';
import { logger } from './logger';
import { router } from './routes/orders';

const app = express();
app.use(pinoHttp({ logger, genReqId: (req) => String(req.headers['x-request-id']) }));
app.use(router);

export default app;
