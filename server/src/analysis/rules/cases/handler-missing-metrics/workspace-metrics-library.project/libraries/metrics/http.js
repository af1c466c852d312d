const Metrics = require('./index')

function monitor(logger) {
  return function (req, res, next) {
    const startTime = Date.now()
    const { end } = res
    res.end = function (...args) {
      end.apply(this, args)
      Metrics.timing('http_request', Date.now() - startTime, null, { method: req.method, status_code: res.statusCode })
    }
    next()
  }
}

module.exports = { monitor }
