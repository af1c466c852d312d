// @case library=bunyan path=src/accounts.js
// With serializers (bunyan's standard ones keep `err`; a project's may keep more), an error in the
// fields object is the serializer's to write: not reported.
import Bunyan from 'bunyan';

const Logger = Bunyan.createLogger({ name: 'shop', serializers: Bunyan.stdSerializers });

export async function moveAccounts(logCtx, move) {
  try {
    await move();
  } catch (error) {
    Logger.error({ ...logCtx, err: error }, 'Error moving accounts');
    Logger.error(error, 'Error moving accounts');
  }
}
