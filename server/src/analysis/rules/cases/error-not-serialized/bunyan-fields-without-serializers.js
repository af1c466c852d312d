// @case library=bunyan path=src/accounts.js
// bunyan applies serializers to the fields object only where the logger has them, and this one has
// none (Reaction Commerce's logger): an error there, under any key, is written as `{}`. As the whole
// fields argument it is always kept (bunyan serialises a first argument that is an Error itself).
import Bunyan from 'bunyan';

const Logger = Bunyan.createLogger({ name: 'shop' });

export async function moveAccounts(logCtx, move) {
  try {
    await move();
  } catch (error) {
    Logger.error({ ...logCtx, error }, 'Error moving accounts');
                            //~~~~~ [error-not-serialized] bunyan writes the error `error` under `error` as `{}`: no serializer of this logger covers `error`, and an error's message and stack are not enumerable; pass the error itself as the fields argument (`log.error(err, 'msg')`).
    Logger.error({ error }, 'Error moving accounts');
                 //~~~~~ [error-not-serialized] bunyan writes the error `error` under `error` as `{}`: no serializer of this logger covers `error`, and an error's message and stack are not enumerable; pass the error itself as the fields argument (`log.error(err, 'msg')`).
    Logger.warn({ err: error }, 'Error moving accounts');
                     //~~~~~ [error-not-serialized] bunyan writes the error `error` under `err` as `{}`: no serializer of this logger covers `err`, and an error's message and stack are not enumerable; pass the error itself as the fields argument (`log.error(err, 'msg')`).
    Logger.error(error, 'Error moving accounts');
  }
}
