// @case library=pino loggerModule=src/logger.ts path=src/realtime/gateway.ts
// Either side of a fallback or a choice may be what is written (HedgeDoc's
// `${request.socket.remoteAddress ?? 'unknown'}`); a literal side, and facts about a secret
// (`token ? 'set' : 'unset'`), are not.
import type { IncomingMessage } from 'node:http';
import { logger } from '../logger';

export function onConnection(request: IncomingMessage, noteId: string, token?: string) {
  logger.debug({ noteId }, `connection from ${request.socket.remoteAddress ?? 'unknown'}`);
                                            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `request.socket.remoteAddress`, which looks like personal data (an IP address); log an id instead.
  logger.info({ noteId, auth: token ? token : 'anonymous' }, 'authenticated');
                                    //~~~~~ [sensitive-log-data] Log record includes `token`, which looks like a secret; leave it out or redact it.
  logger.info({ noteId, auth: token ? 'set' : 'unset' }, 'authenticated');
}
