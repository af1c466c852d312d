// @case library=pino loggerModule=src/logger.ts
// No Prettier configuration: .editorconfig says tabs and 70 columns. A tab counts as its
// tab_width (4) when measuring, and broken arguments are indented with a tab.
import { logger } from '../logger';

export function ship(order: { id: string; carrier: string }, items: string[]) {
	if (items.length > 0) {
		logger.info(`Order ${order.id} shipped with ${order.carrier}`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
		logger.info(`Order ${order.id} shipped to ${order.carrier} with ${items.length} items`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
	}
}
