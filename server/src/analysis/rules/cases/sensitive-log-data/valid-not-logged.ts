// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

const store = { info: (value: object) => value };

export function save(password: string, token: string) {
  store.info({ password });
  const hashed = hash(password);
  logger.info({ hashed: hashed.length }, 'saved');
  return token;
}

function hash(s: string) {
  return s;
}
