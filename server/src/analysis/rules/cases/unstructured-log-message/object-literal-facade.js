// @case library=bunyan path=services/chat/app.js type=module rules=unstructured-log-message
// Overleaf's @overleaf/logger: an object literal whose methods pass `(attributes, message)` on to
// the bunyan logger one of them assigns to `this.logger`. Its calls are bunyan's: fields first, or a
// lone message.
import express from 'express'
import logger from '@acme/logger'

logger.initialize('chat')
const app = express()
const host = process.env.HOST
const port = 3010
app.listen(port, host, function (err) {
  if (err) {
    logger.fatal({ err }, `Cannot bind to ${host}:${port}. Exiting.`)
                        //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    process.exit(1)
  }
  logger.debug(`Chat starting up, listening on ${host}:${port}`)
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info({ host, port }, 'Chat listening')
})
