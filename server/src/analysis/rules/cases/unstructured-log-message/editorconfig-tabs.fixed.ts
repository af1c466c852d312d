// @case library=pino loggerModule=src/logger.ts
// No Prettier configuration: .editorconfig says tabs and 70 columns. A tab counts as its
// tab_width (4) when measuring, and broken arguments are indented with a tab.
import { logger } from '../logger';

export function ship(order: { id: string; carrier: string }, items: string[]) {
	if (items.length > 0) {
		logger.info(
			{ orderId: order.id, orderCarrier: order.carrier },
			'Order shipped with orderCarrier'
		);
		logger.info(
			{
				orderId: order.id,
				orderCarrier: order.carrier,
				itemsCount: items.length,
			},
			'Order shipped to orderCarrier with items'
		);
	}
}
