// @case library=pino path=src/middleware/requestId.js
// A middleware module mounted by another file: its shape (req, res, next) says what it is.
const { v4: uuidv4 } = require('uuid');

function requestId(req, res, next) {
  req.id = uuidv4();
//         ~~~~~~~~ [incoming-request-id-ignored] This middleware makes a new request id without reading the incoming x-request-id header: one request's logs cannot be followed across services.
  res.set('x-request-id', req.id);
  next();
}

// Not a middleware: a helper that names a new record.
function withId(record, store, options) {
  record.id = uuidv4();
  return store.save(record, options);
}

module.exports = { requestId, withId };
