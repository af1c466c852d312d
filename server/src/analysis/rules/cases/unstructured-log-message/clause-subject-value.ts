// @case library=winston loggerModule=src/logger.ts path=src/lib/plaid/sync.ts rules=unstructured-log-message
// A value starting a clause after a comma (Open Collective's Plaid sync: `Fetched ${n} new transactions,
// ${m} already synced`) is its subject: taken out, the clauses ran together into "Fetched new
// transactions already synced" and the count took the name of the clause before ("transactions"). The
// comma stays, no word across it names the value, and the fix is offered, not applied.
import { logger } from '../../logger';

export function sync(added: string[], fresh: string[], copied: number, skipped: number, domainCount: number, leafCount: number, processed: number, failed: number, key: string) {
  logger.info(`Fetched ${added.length} new transactions, ${added.length - fresh.length} already synced`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  // A comma before a word, not a value: the value after the last word is its object, as ever.
  logger.info(`Copied ${copied} files, skipped ${skipped}`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  // A noun after the value names it (GrowthBook's skill counts): no clause of its own, and the fix is safe.
  logger.info(`Loaded skills (${domainCount} domain, ${leafCount} leaf)`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  // A value named by the word after it (`${failed} failed`) is no subject: the fix is safe.
  logger.info(`Processed ${processed} items, ${failed} failed`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  // After a bracket or a colon, and before a negation, too (not applied).
  logger.info(`Fetched ${added.length} items (${added.length - fresh.length} already synced)`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.warn(`Lookup done: ${key} not found`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
