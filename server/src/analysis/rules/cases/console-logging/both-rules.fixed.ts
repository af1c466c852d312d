// @case library=pino loggerModule=src/logger.ts path=src/billing.ts rules=console-logging,unstructured-log-message
import { logger } from './logger';
export function bill(invoice: { id: string; total: number }) {
  logger.info(
    { invoiceId: invoice.id, invoiceTotal: invoice.total },
    'invoice billed EUR'
  );
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
