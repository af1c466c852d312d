// @case library=pino loggerModule=src/logger.ts path=src/routes/users.ts
import { logger } from '../logger';

interface User {
  id: string;
  email: string;
  password: string;
}

type Login = { name: string; apiKey: string };

export function register(req: { body: unknown; query: unknown }) {
  const body = req.body as User;
  logger.info({ user: body }, 'user registered');
                    //~~~~ [sensitive-log-data] Log record includes `body`, whose type has the field `password`, which looks like a secret; log only the fields you need.
  const typed = <User>req.body;
  logger.info({ typed }, 'user typed');
              //~~~~~ [sensitive-log-data] Log record includes `typed`, whose type has the field `password`, which looks like a secret; log only the fields you need.
  const checked = req.query satisfies Login;
  logger.info({ checked }, 'login checked');
              //~~~~~~~ [sensitive-log-data] Log record includes `checked`, whose type has the field `apiKey`, which looks like a secret; log only the fields you need.
  const wrapped = (req.body as unknown as User)!;
  logger.info({ user: wrapped }, 'user wrapped');
                    //~~~~~~~ [sensitive-log-data] Log record includes `wrapped`, whose type has the field `password`, which looks like a secret; log only the fields you need.
  const shaped = req.body as { id: string; token: string };
  logger.info({ shaped }, 'shaped');
              //~~~~~~ [sensitive-log-data] Log record includes `shaped`, whose type has the field `token`, which looks like a secret; log only the fields you need.
}

export async function load(read: () => Promise<unknown>) {
  const user = (await read()) as User;
  logger.info({ user }, 'loaded');
              //~~~~ [sensitive-log-data] Log record includes `user`, whose type has the field `password`, which looks like a secret; log only the fields you need.
  const constant = { id: 'x' } as const;
  logger.info({ constant }, 'constant');
}
