// @case library=bunyan path=src/accounts.js
// With serializers (bunyan's standard ones keep `err`; a project's may keep more), an error in the
// fields object under a key they cover is the serializer's to write: not reported. Under any other
// key bunyan writes it as `{}` (Triton CloudAPI's `{ error: e }` beside restify's serializers).
import Bunyan from 'bunyan';

const Logger = Bunyan.createLogger({ name: 'shop', serializers: Bunyan.stdSerializers });
const audit = Logger.child({ serializers: { err: Bunyan.stdSerializers.err, cause: (e) => ({ message: e.message }) } });

export async function moveAccounts(logCtx, move) {
  try {
    await move();
  } catch (error) {
    Logger.error({ ...logCtx, err: error }, 'Error moving accounts');
    Logger.error(error, 'Error moving accounts');
    audit.warn({ cause: error }, 'Error moving accounts');
    Logger.warn(error, 'Error moving accounts');
  }
}
