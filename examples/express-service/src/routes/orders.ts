import { Router, type NextFunction, type Request, type Response } from 'express';
import { logger } from '../logger';
import { chargeCard, PaymentError } from '../services/payment';

export const ordersRouter = Router();

interface Order {
  id: string;
  amount: number;
  currency: string;
  cardToken: string;
}

ordersRouter.post('/', async (req: Request, res: Response, next: NextFunction) => {
  const order = req.body as Order;
  // Mistake: pino takes the fields object first; after the message it is silently dropped.
  logger.info('order received', { orderId: order.id, amount: order.amount });
  try {
    const receipt = await chargeCard(order.cardToken, order.amount, order.currency);
    // Correct: fields first, then a constant message.
    req.log.info({ orderId: order.id, receiptId: receipt.id }, 'order paid');
    res.status(201).json({ id: order.id, receipt: receipt.id });
  } catch (err) {
    if (err instanceof PaymentError) {
      // Mistake: only the message survives; the stack and the error type are lost.
      req.log.warn({ orderId: order.id, reason: err.message }, 'payment declined');
      return res.status(402).json({ error: 'payment declined' });
    }
    next(err);
  }
});

ordersRouter.get('/:id', (req: Request, res: Response) => {
  // Correct: the request-scoped logger carries the request ID.
  req.log.info({ orderId: req.params.id }, 'order requested');
  res.json({ id: req.params.id, status: 'paid' });
});
