// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function ok(tokenizer: string, keyId: string, authMethod: string, sessionId: string, user: { id: string; name: string }) {
  logger.info({ tokenizer, keyId, authMethod, sessionId }, 'configured');
  logger.info({ passwordLength: 12, passwordResetRequired: false, hasToken: true }, 'policy');
  logger.info({ password: null, token: undefined, secret: 0 }, 'placeholders');
  logger.info({ user }, 'user');
  logger.info({ userAgent: 'x', contentType: 'json', tokenCount: 3 }, 'request');
  // Counts and limits of secrets are numbers (HedgeDoc's `numberOfDeletedTokens`, a model's `maxTokens`).
  const numberOfDeletedTokens = 2;
  logger.info({ numberOfDeletedTokens, maxTokens: 4096, totalTokens: 812, numTokens: 3 }, 'tokens');
  // A verb first names a setting: whether to return or include the secret (Audiobookshelf's `returnTokens`).
  const returnTokens = user.name === 'app';
  logger.info({ returnTokens, includePassword: false, skipToken: true }, 'login options');
}
