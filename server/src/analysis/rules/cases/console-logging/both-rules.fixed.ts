// @case library=pino loggerModule=src/logger.ts path=src/billing.ts rules=console-logging,unstructured-log-message
import { logger } from './logger';
export function bill(invoice: { id: string; total: number }) {
  logger.info(
    { invoiceId: invoice.id, invoiceTotal: invoice.total },
    'invoice billed EUR'
  );
}
