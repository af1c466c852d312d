import winston from 'winston';
import { errorToObject } from './errorSerialize';

// Nango's format: an error under one of these keys is written as an object with its stack.
const ERROR_KEYS = ['err', 'error', 'cause'] as const;

const serializeErrors = winston.format((info) => {
  for (const key of ERROR_KEYS) {
    if (info[key] instanceof Error) info[key] = errorToObject(info[key]);
  }
  return info;
});

export const logger = winston.createLogger({ format: winston.format.combine(serializeErrors(), winston.format.json()) });
