// @case library=pino loggerModule=src/logger.ts path=src/__tests__/orders.ts
export function trace(id: string) {
  console.log(`order ${id}`);
  console.log('order ' + id);
}
