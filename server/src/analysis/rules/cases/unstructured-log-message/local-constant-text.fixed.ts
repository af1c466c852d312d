// @case library=pino loggerModule=src/logger.ts
// A function's own `const` holding one string literal is words of the message (GrowthBook's query
// runner): as a field, the message would say only "runner". The rewrite writes its text into the
// message. A module's constant (a prefix many calls share) is not copied into each call, where its
// text would drift apart from the constant: it stays a field, as before.
import { logger } from '../logger';

const PREFIX = '[JOBS]';

export function run(model: { id: string }, queries: string[]) {
  if (queries.length === 0) {
    const noQueriesError = 'No queries were generated for this analysis';
    logger.debug(
      { modelId: model.id },
      'runner: No queries were generated for this analysis'
    );
    return noQueriesError;
  }
  // Used only in the message, the const would be left unused (a compile error under noUnusedLocals):
  // it stays a value.
  const stage = 'warm-up';
  logger.info({ stage, modelId: model.id }, 'entering stage for modelId');
  logger.info({ prefix: PREFIX, modelId: model.id }, 'started');
  return null;
}
