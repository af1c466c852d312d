// @case library=pino loggerModule=src/logger.ts
// A client's IP address is personal data (GDPR counts it): a name that says whose address it is
// (`clientIp`, `ipAddress`, `remoteAddress`, `x-forwarded-for`) or the request's own `req.ip`. A bare
// `ip`, the server's `serverIp` or `bindIp`, and facts about an address (`isIpAllowed`) are not.
import type { Request } from 'express';
import { logger } from '../logger';

export function onLogin(req: Request, clientIP: string, username: string): void {
  logger.info(`Login by ${username}. IP=${clientIP}`);
                                        //~~~~~~~~ [sensitive-log-data] Log record includes `clientIP`, which looks like personal data (an IP address); log an id instead.
  logger.warn({ ip: req.ip }, 'too many attempts');
                  //~~~~~~ [sensitive-log-data] Log record includes `req.ip`, which looks like personal data (an IP address); log an id instead.
  logger.info({ ipAddress: req.headers['x-forwarded-for'] }, 'forwarded');
              //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `ipAddress`, which looks like personal data (an IP address); log an id instead.
  const remoteAddress = req.socket.remoteAddress;
  logger.info({ remoteAddress }, 'connected');
              //~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `remoteAddress`, which looks like personal data (an IP address); log an id instead.
}

export function listen(ip: string, serverIp: string, bindIp: string, isIpAllowed: boolean): void {
  logger.info({ ip, serverIp, bindIp, isIpAllowed }, 'listening');
}
