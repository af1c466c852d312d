// @case library=pino loggerModule=src/logger.ts
// A link that resets a password or signs a person in carries its token (Unleash logs its reset link
// when no mailer is configured): a secret. A link to a page is not, nor a fact about the link.
import { logger } from '../logger';

export function sendReset(resetLink: string, magicLink: string, docsLink: string, hasResetLink: boolean): void {
  logger.debug({ resetLink }, 'reset link');
               //~~~~~~~~~ [sensitive-log-data] Log record includes `resetLink`, which looks like a secret; leave it out or redact it.
  logger.info({ magicLink, docsLink, hasResetLink }, 'links');
              //~~~~~~~~~ [sensitive-log-data] Log record includes `magicLink`, which looks like a secret; leave it out or redact it.
}
