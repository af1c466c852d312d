// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function onLogin(user: { id: string; email: string }, providerEmail: string, userEmails: string[], hasEmail: boolean) {
  logger.info({ providerEmail, userId: user.id }, 'sso login');
              //~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `providerEmail`, which looks like personal data (an email address); log an id instead.
  logger.info({ userEmails: userEmails.map((e) => e.toLowerCase()), emailVerified: true, hasEmail }, 'emails linked');
              //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `userEmails`, which looks like personal data (an email address); log an id instead.
  logger.warn(`Failed to upgrade password hash for user ${user.email}`);
                                                        //~~~~~~~~~~ [sensitive-log-data] Log record includes `user.email`, which looks like personal data (an email address); log an id instead.
  logger.info({ emailCount: userEmails.length, contactEmail: 'support@example.com' }, 'counted');

export function track(user: { id: string; email: string; name: string }, apiKey: string) {
  const properties = { $name: user.name, $email: user.email, plan: 'free' };
  logger.info(properties, 'profile updated');
            //~~~~~~~~~~ [sensitive-log-data] Log record includes `properties`, built above with the field `$email`, which looks like personal data (an email address); log only the fields you need.
  const request = { url: '/v1', apiKey };
  logger.info({ request }, 'calling');
              //~~~~~~~ [sensitive-log-data] Log record includes `request`, built above with the field `apiKey`, which looks like a secret; log only the fields you need.
  const counts = { emails: 0, users: 3 };
  logger.info(counts, 'counted');
}
