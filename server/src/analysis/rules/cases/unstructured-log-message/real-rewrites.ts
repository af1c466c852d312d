// @case library=pino loggerModule=src/logger.ts rules=unstructured-log-message,error-not-serialized,console-logging
// Rewrites seen going wrong on real services: words lost from the message, fields named `value2`,
// a conditional logged twice, an error logged as its text, a call left on one long line.
import { logger } from '../logger';

declare function getUser(id: string): Promise<{ name: string }>;

export async function serve(host: string, port: number) {
  logger.info(`Server ready on ${host} port ${port}`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

export async function place(req: { params: { id: string } }, user: { id: string }, order: { id: string }, items: string[]) {
  logger.info(`User ${user.id} placed order ${order.id} with ${items.length} items`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info(`Loaded ${await getUser(req.params.id)} for ${req.params.id}`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.debug(`Processing iteration ${items.indexOf('x') + 1} of ${items.length}`);
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

export function cached(key: string, hit: boolean) {
  logger.debug(`Cache ${hit ? 'hit' : 'miss'} for ${key} (${hit ? 'hit' : 'miss'})`);
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

export async function charge(order: { id: string; total: number }, attempt: number) {
  try {
    await Promise.resolve(order.total);
  } catch (e) {
    logger.error(`Failed to charge order ${order.id} (attempt ${attempt}) after the payment provider refused it: ${e.message}`);
               //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
                                                                                                                 //~~~~~~~~~ [error-not-serialized] `e.message` logs the error as text, which loses its stack and type; log the error object instead.
  }
}

export function toggled(record: { id: string }, enabled: boolean, host: string, port: number) {
  logger.debug(`Schedule ${record.id} toggled to ${enabled ? 'enabled' : 'disabled'}`);
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info(`Listening at ${host ? 'http://' + host : ''}:${port}`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

export function processFile(file: { name: string }) {
  try {
    JSON.parse(file.name);
  } catch (err) {
    console.warn(`Failed to process file ${file.name}: ${err.message}`);
  //~~~~~~~~~~~~ [console-logging] console.warn in service code writes unstructured text; use the project's logger, which writes structured records with levels.
               //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
                                                       //~~~~~~~~~~~ [error-not-serialized] `err.message` logs the error as text, which loses its stack and type; log the error object instead.
  }
}
