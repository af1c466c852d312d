// @case library=winston path=src/LiveQuery/SessionTokenCache.js
// Parse Server's LoggerController: a facade whose level methods hand all their arguments on
// (`verbose() { return this.log('verbose', arguments) }`). What follows the message is printed with
// it (winston's splat fills `%s` from it), so a secret there is in the record.
import logger from '../logger';

export function cached(userId, sessionToken) {
  logger.verbose('Fetch userId %s of sessionToken %s from Cache', userId, sessionToken);
                                                                        //~~~~~~~~~~~~ [sensitive-log-data] Log record includes `sessionToken`, which looks like a secret; leave it out or redact it.
  logger.verbose('Fetch userId %s from Cache', userId);
}
