const winston = require('winston');

// node-express-boilerplate's format: an Error logged alone is written with its stack as the message.
const enumerateErrorFormat = winston.format((info) => {
  if (info instanceof Error) {
    Object.assign(info, { message: info.stack });
  }
  return info;
});

const logger = winston.createLogger({
  format: winston.format.combine(enumerateErrorFormat(), winston.format.splat(), winston.format.printf(({ level, message }) => `${level}: ${message}`)),
  transports: [new winston.transports.Console()],
});

module.exports = logger;
