// The service's shared logger: its mixin reads the request's context from AsyncLocalStorage.
const pino = require('pino');
const { AsyncLocalStorage } = require('node:async_hooks');

const requestContext = new AsyncLocalStorage();
const logger = pino({ mixin: () => ({ reqId: requestContext.getStore()?.id }) });

module.exports = { logger, requestContext };
