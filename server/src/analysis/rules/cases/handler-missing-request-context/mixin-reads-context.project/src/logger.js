const pino = require('pino');
const { AsyncLocalStorage } = require('node:async_hooks');

const requestContext = new AsyncLocalStorage();
const logger = pino({
  mixin() {
    return { requestId: requestContext.getStore()?.requestId };
  },
});

module.exports = { logger, requestContext };
