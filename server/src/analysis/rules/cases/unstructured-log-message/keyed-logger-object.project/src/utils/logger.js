import { format as utilFormat } from "node:util";

import winston from "winston";

let winstonLogger;

// The arguments after the message fill its placeholders, as format.splat() would.
function combineMessageAndSplat() {
  return {
    transform: (info) => {
      info.message = utilFormat(info.message, ...(info[Symbol.for("splat")] || []));
      return info;
    },
  };
}

function init() {
  winstonLogger = winston.createLogger({
    level: process.env.LOG_LEVEL || "info",
    transports: [new winston.transports.Console({ format: winston.format.combine(combineMessageAndSplat(), winston.format.json()) })],
  });
}

const loggers = {};

export default function createLogger(label) {
  if (!winstonLogger) {
    init();
  }

  if (!loggers[label]) {
    loggers[label] = winstonLogger.child({ label });
  }

  return loggers[label];
}
