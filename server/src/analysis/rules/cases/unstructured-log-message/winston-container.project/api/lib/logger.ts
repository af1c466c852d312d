import winston from 'winston';

export interface ModuleLogger extends winston.Logger {
  module: string;
}

// A container hands out one logger per module (zwave-js-ui's api/lib/logger.ts).
export function setupLogger(container: winston.Container, module: string): ModuleLogger {
  const logger = container.add(module) as ModuleLogger;
  logger.module = module;
  return logger;
}

const logContainer = new winston.Container();

export function module(module: string): ModuleLogger {
  return setupLogger(logContainer, module);
}
