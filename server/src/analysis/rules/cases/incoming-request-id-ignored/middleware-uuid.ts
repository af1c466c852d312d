// @case library=pino path=src/middleware/requestId.ts type=module
import express, { type NextFunction, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';

const app = express();

app.use((req: Request, res: Response, next: NextFunction) => {
  const id = randomUUID();
//           ~~~~~~~~~~~~ [incoming-request-id-ignored] This middleware makes a new request id without reading the incoming x-request-id header: one request's logs cannot be followed across services.
  res.setHeader('x-request-id', id);
  next();
});

// Reads the header first.
app.use((req: Request, res: Response, next: NextFunction) => {
  const id = req.get('x-request-id') ?? randomUUID();
  res.locals.requestId = id;
  next();
});

// A new entity's id, not a request's.
app.post('/users', (req: Request, res: Response) => {
  res.json({ id: randomUUID(), name: req.body.name });
});

export default app;
