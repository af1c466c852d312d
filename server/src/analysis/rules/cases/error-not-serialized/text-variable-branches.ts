// @case library=winston loggerModule=src/logger.ts rules=error-not-serialized
// Standard Notes' api-gateway: the error's text held in a local through a condition (either branch may be
// the message), or put in a template message that is one branch of a condition: reported, no fix.
import { logger } from '../logger';

interface HttpError extends Error {
  isAxiosError: boolean;
  response?: { data: unknown };
}

export async function validate(url: string, call: () => Promise<void>) {
  try {
    await call();
  } catch (error) {
    const errorMessage = (error as HttpError).isAxiosError ? JSON.stringify((error as HttpError).response?.data) : (error as Error).message;
    logger.error(`Could not pass the request to ${url}: ${errorMessage}`);
                                                        //~~~~~~~~~~~~ [error-not-serialized] `errorMessage` logs the error as text, which loses its stack and type; log the error object instead.
  }
}

export async function forward(url: string, retries: number, call: () => Promise<void>) {
  try {
    await call();
  } catch (error) {
    let detailedErrorMessage = (error as Error).message;
    if (error instanceof TypeError) {
      detailedErrorMessage = `type: ${error.name}, message: ${error.message}`;
    }
    const tooManyRetryAttempts = retries > 2;
    logger.error(
      tooManyRetryAttempts ? `Request to ${url} timed out after ${retries} retries` : `Could not pass the request to ${url}: ${detailedErrorMessage}`,
                                                                                                                             //~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `detailedErrorMessage` logs the error as text, which loses its stack and type; log the error object instead.
      { url },
    );
  }
}

export function onError(err: Error, next: () => void) {
  // The stack whenever there is one (Etherpad's error middleware): a stack printed is exempt.
  logger.error(err.stack ? err.stack : err.toString());
  next();
}
