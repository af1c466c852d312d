// @case path=src/index.js rules=unstructured-log-message
// Ackee logs through signale: a Signale made in its own module (`new Signale({ scope })`), whose
// levels are named for what happened (`success`, `await`, `watch`) beside `info` and `warn`. Message
// first, placeholders filled from the arguments after it. The package itself is a logger too.
const signale = require('./utils/signale')
const defaultSignale = require('signale')

const port = process.env.ACKEE_PORT
const dbUrl = process.env.ACKEE_MONGODB

signale.watch(`Listening on http://localhost:${ port }`)
//            ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
signale.await(`Connecting to ${ dbUrl }`)
//            ~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
signale.success('Connected')
signale.start('Starting the server')
defaultSignale.note('Port ' + port)
//                  ~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
