import { Router, type Request, type Response } from 'express';
import { logger } from '../logger';

interface User {
  id: string;
  email: string;
  password: string;
}

const users = new Map<string, User>();
const log = logger.child({ module: 'users' });

export const usersRouter = Router();

usersRouter.get('/:id', (req: Request, res: Response) => {
  // Mistake: console.log in a request handler bypasses the logger (no level, no request ID, not JSON).
  console.log('looking up user', req.params.id);
  const user = users.get(req.params.id);
  if (!user) {
    // Correct: the request's logger (its records carry the request ID), fields first, constant message.
    req.log.warn({ userId: req.params.id }, 'user not found');
    return res.status(404).json({ error: 'not found' });
  }
  // Mistake: the ID is baked into the message, so the messages cannot be grouped or searched by field.
  log.info(`fetched user ${user.id}`);
  res.json({ id: user.id, email: user.email });
});

usersRouter.post('/', (req: Request, res: Response) => {
  const body = req.body as User;
  // Mistake: the whole body is logged, password included.
  log.info({ user: body, password: body.password }, 'creating user');
  users.set(body.id, body);
  res.status(201).json({ id: body.id });
});

usersRouter.post('/login', (req: Request, res: Response) => {
  // Mistake: the authorization header (a credential) ends up in the logs.
  req.log.info({ authorization: req.headers.authorization }, 'login attempt');
  // Mistake: every header, cookies and tokens included.
  req.log.debug({ headers: req.headers }, 'login request headers');
  // Correct: only what is needed, under a field (not the email address: that is personal data).
  req.log.info({ remember: Boolean((req.body as { remember?: boolean }).remember) }, 'login requested');
  res.status(204).end();
});
