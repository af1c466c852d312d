import express, { type NextFunction, type Request, type Response } from 'express';
import pinoHttp from 'pino-http';
import { randomUUID } from 'node:crypto';
import { logger } from './logger';
import { ordersRouter } from './routes/orders';
import { usersRouter } from './routes/users';

export const app = express();

app.use(express.json());
app.use(
  pinoHttp({
    logger,
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
  }),
);

app.use('/users', usersRouter);
app.use('/orders', ordersRouter);

app.get('/health', (_req: Request, res: Response) => {
  res.json({ status: 'ok' });
});

// Correct: the error object goes under `err`, so pino serialises its type, message and stack.
app.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
  req.log.error({ err }, 'unhandled error');
  res.status(500).json({ error: 'internal error' });
});

const port = Number(process.env.PORT ?? 3000);
// Loopback unless told otherwise: an example should not open a port to the network by default.
const host = process.env.HOST ?? '127.0.0.1';
if (require.main === module) {
  app.listen(port, host, () => {
    logger.info({ host, port }, 'listening');
  });
}
