// @case library=winston loggerModule=src/logger.js type=module path=src/login.mjs
import { logger } from './logger.js';

export function login(userId, password, token) {
  logger.info('login', { userId, hasPassword: Boolean(password), isTokenExpired: token.expired });
  logger.info('login', { passwordStrength: score(password), tokenType: 'bearer' });
  logger.info('login %s', userId);
}

function score(p) {
  return p.length;
}
