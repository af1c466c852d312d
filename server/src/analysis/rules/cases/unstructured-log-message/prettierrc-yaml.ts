// @case library=winston loggerModule=src/logger.ts
// The project's .prettierrc (YAML) says 60 columns, trailing commas everywhere, double quotes:
// a fix that does not fit breaks the call as Prettier would, hugging a last fields object.
import { logger } from '../logger';

export function ship(order: { id: string; carrier: string }, attempt: number) {
  logger.info(`Order ${order.id} shipped with ${order.carrier}`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.warn(`Retry ${attempt} for order ${order.id} with carrier ${order.carrier} after a timeout`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info(`Order ${order.id}`);
            //~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
