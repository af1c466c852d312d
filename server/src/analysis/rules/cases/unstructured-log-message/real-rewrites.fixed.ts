// @case library=pino loggerModule=src/logger.ts rules=unstructured-log-message,error-not-serialized,console-logging
// Rewrites seen going wrong on real services: words lost from the message, fields named `value2`,
// a conditional logged twice, an error logged as its text, a call left on one long line.
import { logger } from '../logger';

declare function getUser(id: string): Promise<{ name: string }>;

export async function serve(host: string, port: number) {
  logger.info({ host, port }, 'Server ready on host port');
}

export async function place(req: { params: { id: string } }, user: { id: string }, order: { id: string }, items: string[]) {
  logger.info(
    { userId: user.id, orderId: order.id, itemsCount: items.length },
    'User placed order with items'
  );
  logger.info(
    { user: await getUser(req.params.id), id: req.params.id },
    'Loaded user for id'
  );
  logger.debug(
    { iteration: items.indexOf('x') + 1, itemsCount: items.length },
    'Processing iteration of itemsCount'
  );
}

export function cached(key: string, hit: boolean) {
  logger.debug({ cache: hit ? 'hit' : 'miss', key }, 'Cache for key');
}

export async function charge(order: { id: string; total: number }, attempt: number) {
  try {
    await Promise.resolve(order.total);
  } catch (e) {
    logger.error(
      { err: e, orderId: order.id, attempt },
      'Failed to charge order attempt after the payment provider refused it'
    );
  }
}

export function toggled(record: { id: string }, enabled: boolean, host: string, port: number) {
  logger.debug(
    { recordId: record.id, enabledState: enabled ? 'enabled' : 'disabled' },
    'Schedule toggled to enabledState'
  );
  logger.info(`Listening at ${host ? 'http://' + host : ''}:${port}`);
}

export function processFile(file: { name: string }) {
  try {
    JSON.parse(file.name);
  } catch (err) {
    logger.warn({ err, fileName: file.name }, 'Failed to process file');
  }
}
