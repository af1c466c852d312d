// @case library=pino loggerModule=src/logger.ts
// A per-request child logger handed on (Documenso's `c.set('logger', logger.child({ ipAddress }))`,
// Speckle's `req.log.child({ email })` passed to a helper): its bindings are in every record it
// writes, wherever that is, so they are checked where the child is made.
import { logger } from '../logger';

export function requestLogger(meta: { ipAddress: string; userAgent: string; requestId: string }, set: (key: string, value: unknown) => void) {
  set('logger', logger.child({ requestId: meta.requestId, ipAddress: meta.ipAddress, userAgent: meta.userAgent }));
                                                        //~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `ipAddress`, which looks like personal data (an IP address); log an id instead.
}

export function forInvite(email: string) {
  return logger.child({ email });
                      //~~~~~ [sensitive-log-data] Log record includes `email`, which looks like personal data (an email address); log an id instead.
}

// Not a logger: a tree node's child.
export function nodeOf(tree: { child(o: object): unknown }, password: string) {
  return tree.child({ password });
}
