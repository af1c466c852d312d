// @case library=bunyan path=lib/packages.cjs
// bunyan formats every argument after the message into the message text (util.format appends those
// no placeholder takes), as Triton's CloudAPI logs `req.log.warn('Ignoring missing package:', uuid)`.
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'cloudapi' });

function load(pkgUuid, limits) {
  log.warn('Ignoring missing package in papi:', pkgUuid);
         //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message has values appended: bunyan formats the arguments after the message into its text (util.format adds those no placeholder takes); log a constant message and put the values in the fields object.
  log.info({ pkg: pkgUuid }, 'Used limits', limits);
                           //~~~~~~~~~~~~~ [unstructured-log-message] Log message has values appended: bunyan formats the arguments after the message into its text (util.format adds those no placeholder takes); log a constant message and put the values in the fields object.
  // Literals appended make a constant message; an error printed into it is error-not-serialized's to report.
  log.info('limits', 'checked');
  try {
    JSON.parse(limits);
  } catch (e) {
    log.error('limits unreadable', e);
    log.warn('limits unreadable', e.message);
  }
  // The values in the fields object: structured.
  log.info({ pkg: pkgUuid, limits }, 'Used limits');
}

module.exports = { load };
