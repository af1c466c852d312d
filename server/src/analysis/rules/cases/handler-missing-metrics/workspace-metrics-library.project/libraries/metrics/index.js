const prom = require('prom-client')

const timers = new Map()

function timing(key, ms, sampleRate, labels) {
  let summary = timers.get(key)
  if (!summary) {
    summary = new prom.Summary({ name: key, help: key, labelNames: Object.keys(labels ?? {}) })
    timers.set(key, summary)
  }
  summary.observe(labels ?? {}, ms)
}

module.exports.timing = timing
module.exports.http = require('./http')
