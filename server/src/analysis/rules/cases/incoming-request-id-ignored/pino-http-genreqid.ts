// @case library=pino-http path=src/app.ts type=module
import express from 'express';
import { pinoHttp } from 'pino-http';
import { v4 as uuid } from 'uuid';

const app = express();
app.use(pinoHttp({ genReqId: () => uuid() }));
//      ~~~~~~~~ [incoming-request-id-ignored] genReqId makes a new id without reading the incoming x-request-id header: one request's logs cannot be followed across services.
app.use(pinoHttp({ genReqId: (req) => req.get('x-request-id') ?? uuid() }));

export default app;
