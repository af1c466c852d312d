const pino = require('pino');
const { AsyncLocalStorage } = require('node:async_hooks');

const storage = new AsyncLocalStorage();
const logger = pino();
const getRequestLogger = () => storage.getStore()?.logger;

module.exports = { logger, storage, getRequestLogger };
