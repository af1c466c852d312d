// @case library=pino loggerModule=src/logger.ts path=src/tasks/checkAlerts.ts rules=unstructured-log-message
// A value after an adverb and the word introducing it (HyperDX's `was previously ${state} - creating OK
// history`) is the clause's object: its field's name stands in, and the dash still ends the clause.
// Taken out, the message would say "was previously creating OK history", which is false.
import { logger } from '../logger';

export function check(groupKey: string, state: string, attempt: number) {
  logger.info(
    { groupKey, state },
    'Group is missing from current data but was previously state - creating OK history'
  );
  // Nothing introduces the attempt: it goes, and so does the dash that only separated it.
  logger.warn({ attempt }, 'Attempt retrying');
}
