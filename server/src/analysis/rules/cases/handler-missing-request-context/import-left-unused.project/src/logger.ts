import pino from 'pino';
export const logger = pino();
export type Log = typeof logger;
export const audit = pino({ name: 'audit' });
export const unusedBefore = 1;
