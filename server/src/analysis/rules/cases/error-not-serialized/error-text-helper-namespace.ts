// @case library=winston path=src/data/datacreator.ts rules=error-not-serialized
// A workspace function returning an error's text called through a namespace import of its module
// (Juice Shop's `utils.getErrorMessage(err)`, `import * as utils from '../lib/utils'`) is followed as
// the plain call is, in a terminal colour too (`colors.red(...)`); another function of the same module
// is not error text.
import colors from 'colors/safe';
import * as utils from '../lib/utils';
import logger from '../logger';

export async function createChallenges(insert: () => Promise<void>, name: string) {
  try {
    await insert();
  } catch (err) {
    logger.error(`Could not insert challenges: ${utils.getErrorMessage(err)}`);
                                               //~~~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `utils.getErrorMessage(err)` logs the error as text, which loses its stack and type; log the error object instead.
    logger.warn('challenge name ' + utils.trunc(name, 10));
  }
}

export function notify(send: () => Promise<void>) {
  send().catch((error: unknown) => {
    logger.error('Webhook notification failed: ' + colors.red(utils.getErrorMessage(error)));
                                                 //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `colors.red(utils.getErrorMessage(error))` logs the error as text, which loses its stack and type; log the error object instead.
  });
}
