// @case library=pino path=src/notion.ts
// An expected error, classified by the branch the call is in (`instanceof`, a predicate given it, a
// member compared or searched) and logged below error level: its text in the message is the line a
// reader needs (Outline's webhooks, Ghostfolio's data providers). In a field, at error level, in the
// else branch, or when the condition only asks whether there is an error, it is still reported.
import pino from 'pino';

const logger = pino();

class RateLimitError extends Error {}
declare function isExpectedNetworkError(err: unknown): boolean;
declare function toError(err: unknown): Error;

export async function fetchPage(load: () => Promise<unknown>) {
  try {
    return await load();
  } catch (err) {
    const error = toError(err);
    if (error instanceof RateLimitError) {
      logger.warn({ reason: error.message }, 'rate limited by Notion');
                          //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
      throw error;
    } else if (isExpectedNetworkError(err)) {
      logger.warn(`Failed to reach Notion: ${error.message}`);
    } else if ((error as { code?: string }).code === 'ECONNRESET' || error.message.includes('socket hang up')) {
      logger.info(`connection reset: ${error.message}`);
    } else if (error instanceof TypeError) {
      logger.error(`unexpected: ${error.message}`);
                                //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
    } else {
      logger.warn(`Notion failed: ${error.message}`);
                                  //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
    }
    if (error && error.message) {
      logger.warn(`Notion failed: ${error.message}`);
                                  //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
    }
    // `instanceof Error` is a type guard every error passes (Dockge's), no class of errors.
    if (err instanceof Error) {
      logger.warn(`Notion failed: ${err.message}`);
                                  //~~~~~~~~~~~ [error-not-serialized] `err.message` logs the error as text, which loses its stack and type; log the error object instead.
    }
  }
}

// Every error but the expected one (code-server's settings: `if (error.code !== 'ENOENT')`) is the
// unexpected ones; the one tested for equality is classified.
export async function readSettings(read: () => Promise<string>): Promise<string | undefined> {
  try {
    return await read();
  } catch (error: any) {
    if (error.code !== 'ENOENT') {
      logger.warn(error.message);
                //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
    }
    if (error.code === 'EACCES') {
      logger.warn(`settings not readable: ${error.message}`);
    }
    return undefined;
  }
}

// A negated class or predicate (`!(error instanceof UnleashError)`, Unleash's handleErrors;
// `!isExpectedNetworkError(err)`) leaves out one class: the branch holds every other error.
export function handleErrors(error: Error) {
  if (!(error instanceof RateLimitError)) {
    logger.debug(`unexpected error: ${error.message}`);
                                    //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
  }
  if (!!(error instanceof RateLimitError)) {
    logger.info(`rate limited: ${error.message}`);
  }
  if (!isExpectedNetworkError(error)) {
    logger.info(`network trouble: ${error.message}`);
                                  //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
  }
}

// Their else branches hold the class left out: there the error is the expected one (also after
// `||`, where every test is false); after `&&` the else holds other errors too.
export function handleOthers(error: Error & { code?: string }) {
  if (!(error instanceof RateLimitError)) {
    throw error;
  } else {
    logger.info(`rate limited: ${error.message}`);
  }
  if (error.code !== 'ENOENT' || !isExpectedNetworkError(error)) {
    throw error;
  } else {
    logger.info(`missing: ${error.message}`);
  }
  if (!isExpectedNetworkError(error) && error.code) {
    throw error;
  } else {
    logger.info(`network trouble: ${error.message}`);
                                  //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
  }
}
