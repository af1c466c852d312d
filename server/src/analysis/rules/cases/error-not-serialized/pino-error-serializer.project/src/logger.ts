import pino from 'pino';

export const logger = pino({ serializers: { error: pino.stdSerializers.err } });
