import { getPinoMixinFunction } from '@hyperdx/node-opentelemetry';
import pino from 'pino';
import pinoHttp from 'pino-http';

const logger = pino({ level: 'info', mixin: getPinoMixinFunction });
export const expressLogger = pinoHttp({ logger });
export default logger;
