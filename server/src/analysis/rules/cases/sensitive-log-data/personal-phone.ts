// @case library=pino loggerModule=src/logger.ts
// A person's phone number is personal data: `phone`, `formattedPhone`, `phoneNumber`,
// `mobileNumber`. Facts about one (`phoneVerified`, `hasPhone`) and a pattern (`phoneRegex`) are not.
import { logger } from '../logger';

export function sendCode(formattedPhone: string, phoneNumber: string, code: string): void {
  logger.info(`Sending code to ${formattedPhone}`);
                               //~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `formattedPhone`, which looks like personal data (a phone number); log an id instead.
  logger.warn({ phoneNumber }, 'sms provider rejected the number');
              //~~~~~~~~~~~ [sensitive-log-data] Log record includes `phoneNumber`, which looks like personal data (a phone number); log an id instead.
}

export function describe(phoneVerified: boolean, hasPhone: boolean, phoneRegex: RegExp): void {
  logger.info({ phoneVerified, hasPhone, phoneRegex: phoneRegex.source }, 'profile checked');
}
