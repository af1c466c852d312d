// @case library=pino loggerModule=src/logger.ts path=src/env.ts
// src/env.test.ts spies on console.error and asserts how it was called (Formbricks'
// env-validation-error.test.ts): the fix moving this call to the project's logger takes it away from
// the spy and fails the test, so it is offered and not applied. The message is a variable, so no
// literal of the test repeats it: the test's import of this module says what it checks.
// console.warn is not spied on: its fix is applied.
import { logger } from './logger';

export function throwEnvError(issues: string[]): never {
  const message = `Invalid environment variables: ${issues.join(', ')}`;
  console.error(message, { issues });
  throw new Error(message);
}

export function warnDeprecated(name: string): void {
  logger.warn({ name }, 'deprecated variable');
  logger.info('checked');
}
