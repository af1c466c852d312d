// @case library=winston loggerModule=src/logger.ts
// The project's .prettierrc (YAML) says 60 columns, trailing commas everywhere, double quotes:
// a fix that does not fit breaks the call as Prettier would, hugging a last fields object.
import { logger } from '../logger';

export function ship(order: { id: string; carrier: string }, attempt: number) {
  logger.info("Order shipped with orderCarrier", {
    orderId: order.id,
    orderCarrier: order.carrier,
  });
  logger.warn(
    "Retry attempt for order with carrier after a timeout",
    {
      attempt,
      orderId: order.id,
      orderCarrier: order.carrier,
    },
  );
  logger.info("Order", { orderId: order.id });
}
