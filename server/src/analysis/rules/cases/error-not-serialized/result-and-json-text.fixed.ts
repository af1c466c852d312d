// @case library=winston loggerModule=src/logger.ts path=src/jobs/connect.ts
// A Result's error where its state was just tested (neverthrow's `isErr()`, Nango's results) is an
// error; a workspace helper returning JSON text of what it built from its parameter (Nango's
// stringifyError) reduces the error it is given to text; an error callback given as an option
// (`onError: (err) => ...`) gets an error.
import { logger } from '../logger';

interface Result<T> {
  isErr(): boolean;
  isOk(): boolean;
  error: Error;
  value: T;
}
declare function connect(): Promise<Result<string>>;
declare function fetchBody(): Promise<{ error: { message: string } }>;

function stringifyError(err: unknown, opts?: { stack?: boolean }): string {
  const serialized = { name: (err as Error).name, message: (err as Error).message, ...(opts?.stack ? { stack: (err as Error).stack } : {}) };
  const filtered = Object.fromEntries(Object.entries(serialized).filter(([, v]) => v !== undefined));
  return JSON.stringify(filtered);
}

function describe(payload: { id: string }): string {
  return JSON.stringify({ id: payload.id });
}

export async function start(payload: { id: string }) {
  const res = await connect();
  if (res.isErr()) {
    logger.error('Failed to connect', res.error);
  }
  const other = await connect();
  if (other.isOk()) logger.info('connected', { value: other.value });
  else logger.error('not connected', other.error);
  try {
    await connect();
  } catch (err) {
    logger.error(stringifyError(err));
  }
  const scheduler = {
    onError: async (err) => {
      logger.error('Scheduler error', err);
    },
    onEvent: (err) => logger.info(`event ${String(err)}`),
  };
  void scheduler;
  // Not an error's text: a Result not tested, an API's JSON error body, JSON of something else.
  const untested = await connect();
  logger.info('state', { state: String(untested.value) });
  const body = await fetchBody();
  logger.error('API refused', { reason: body.error.message });
  logger.info('payload', { summary: describe(payload) });
}
