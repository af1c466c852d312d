// @case library=pino loggerModule=src/logger.ts path=src/services/billing.ts type=module
export function charge(amount: number) {
  console.warn('charging', amount);
//~~~~~~~~~~~~ [console-logging] console.warn in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  return amount;
}
