import { LoggerController } from './Controllers/LoggerController';

function defaultLogger() {
  const adapter = { log() {} };
  return new LoggerController(adapter);
}

let logger = defaultLogger();

export function setLogger(aLogger) {
  logger = aLogger;
}

export function getLogger() {
  return logger;
}

Object.defineProperty(module.exports, 'default', {
  get: getLogger,
});

Object.defineProperty(module.exports, 'logger', {
  get() {
    return logger;
  },
});
