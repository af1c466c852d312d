// @case library=pino-http loggerModule=src/logger.ts path=src/controllers/users.ts type=module
// Controllers registered in another file: the request is known by its type.
import type { Request, Response } from 'express';
import { logger } from '../logger';

export const getUser = async (req: Request, res: Response) => {
  logger.info({ userId: req.params.id }, 'loading user');
//~~~~~~ [handler-missing-request-context] This info call in a request handler goes through a logger that carries no request context, so its record has no request id; req.log carries it.
  res.json({});
};

export function formatUser(user: { id: string }) {
  logger.debug({ userId: user.id }, 'formatting');
  return user;
}
