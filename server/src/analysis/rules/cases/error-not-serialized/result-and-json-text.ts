// @case library=winston loggerModule=src/logger.ts path=src/jobs/connect.ts
// A Result's error where its state was just tested (neverthrow's `isErr()`, Nango's results) is an
// error where it is read as one (its `.message`, handed to a function: a Result's error may be a
// string); a workspace helper returning JSON text of what it built from its parameter (Nango's
// stringifyError; the parameter named for an error, not one that keeps the stack) reduces the error
// it is given to text; an error callback given as an option (`onError: (err) => ...`) gets an error.
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
  const serialized = { name: (err as Error).name, message: (err as Error).message, code: (err as { code?: string }).code };
  const allowed = ['name', 'message', ...(opts?.stack ? ['stack'] : [])];
  const filtered = Object.fromEntries(Object.entries(serialized).filter(([key]) => allowed.includes(key)));
  return JSON.stringify(filtered);
}

function errorJson(err: Error): string {
  return JSON.stringify({ name: err.name, message: err.message, stack: err.stack });
}

function line(event: string, err: unknown): string {
  return JSON.stringify({ event, error: (err as Error).message });
}

declare function parse(text: string): Promise<{ isErr(): boolean; error: 'NotFound' | 'Invalid' }>;

function describe(payload: { id: string }): string {
  return JSON.stringify({ id: payload.id });
}

export async function start(payload: { id: string }) {
  const res = await connect();
  if (res.isErr()) {
    logger.error(`Failed to connect: ${res.error.message}`);
                                     //~~~~~~~~~~~~~~~~~ [error-not-serialized] `res.error.message` logs the error as text, which loses its stack and type; log the error object instead.
  }
  const other = await connect();
  if (other.isOk()) logger.info('connected', { value: other.value });
  else logger.error('not connected', { reason: other.error.message });
                                             //~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `other.error.message` logs the error as text, which loses its stack and type; log the error object instead.
  try {
    await connect();
  } catch (err) {
    logger.error(stringifyError(err));
               //~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `stringifyError(err)` logs the error as text, which loses its stack and type; log the error object instead.
  }
  const scheduler = {
    onError: async (err) => {
      logger.error(`Scheduler error: ${stringifyError(err)}`);
                                     //~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `stringifyError(err)` logs the error as text, which loses its stack and type; log the error object instead.
    },
    onEvent: (err) => logger.info(`event ${String(err)}`),
  };
  void scheduler;
  try {
    await connect();
  } catch (err) {
    logger.warn(line('connect', err));
              //~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `line('connect', err)` logs the error as text, which loses its stack and type; log the error object instead.
    logger.error('connect failed', { detail: errorJson(err as Error) });
  }
  const parsed = await parse('x');
  if (parsed.isErr()) logger.warn(`could not parse: ${parsed.error}`);
  // Not an error's text: a Result not tested, an API's JSON error body, JSON of something else.
  const untested = await connect();
  logger.info('state', { state: String(untested.value) });
  const body = await fetchBody();
  logger.error('API refused', { reason: body.error.message });
  logger.info('payload', { summary: describe(payload) });
}
