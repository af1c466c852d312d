import pino from 'pino';
export function createLogger(opts: { name: string }) {
  return pino(opts);
}
