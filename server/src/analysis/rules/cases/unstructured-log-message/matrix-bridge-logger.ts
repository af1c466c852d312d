// @case path=src/pool.ts rules=unstructured-log-message
// The Matrix bridge framework's Logger (matrix-appservice-bridge: `new Logger(name)`, message first,
// further arguments printed as console does) and a provisioning request's `log`, its own Logger.
import { Logger, ProvisioningRequest } from 'matrix-appservice-bridge';

const log = new Logger('IrcConnectionPool');

export function handle(req: ProvisioningRequest, clientId: string) {
  log.info(`Connected client ${clientId}`);
         //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  req.log.debug(`Sending result for ${clientId}`);
              //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  log.info('Connected client', clientId);
}
