const bunyan = require('bunyan')

const LoggingManager = {
  initialize(name) {
    this.logger = bunyan.createLogger({ name })
    return this
  },
  debug(attributes, message, ...args) {
    return this.logger.debug(attributes, message, ...args)
  },
  info(attributes, message, ...args) {
    return this.logger.info(attributes, message, ...args)
  },
  warn(attributes, message, ...args) {
    return this.logger.warn(attributes, message, ...args)
  },
  error(attributes, message, ...args) {
    this.logger.error(attributes, message, ...args)
  },
  fatal(attributes, message) {
    this.logger.fatal(attributes, message)
  },
}

module.exports = LoggingManager
