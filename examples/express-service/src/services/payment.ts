import { logger } from '../logger';

const log = logger.child({ module: 'payment' });

export class PaymentError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'PaymentError';
  }
}

export interface Receipt {
  id: string;
  amount: number;
}

export async function chargeCard(cardToken: string, amount: number, currency: string): Promise<Receipt> {
  const started = Date.now();
  try {
    const receipt = await callGateway(cardToken, amount, currency);
    // Correct: structured fields, constant message.
    log.info({ amount, currency, durationMs: Date.now() - started }, 'card charged');
    return receipt;
  } catch (err) {
    // Mistake: a template-literal message with err.message, not the error itself.
    log.error(`charge failed: ${(err as Error).message}`);
    throw new PaymentError('card declined', 'declined');
  }
}

async function callGateway(cardToken: string, amount: number, currency: string): Promise<Receipt> {
  if (!cardToken.startsWith('tok_')) throw new Error(`invalid card token for ${currency}`);
  return { id: `rcpt_${Date.now()}`, amount };
}
