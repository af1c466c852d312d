// @case library=bunyan path=src/uploads.js
// bunyan writes an error under a key as `{}` unless the logger has serializers; it keeps the
// error's message and stack only when the error is the whole fields argument: `log.error(err, 'msg')`.
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'uploads' });

function store(bucket, file) {
  bucket.put(file, (err) => {
    if (!err) return;
    log.error(err, 'upload failed');
    log.warn({ reason: err.message, file: file.name }, 'upload retried');
    log.error('upload of ' + file.name + ' failed: ' + err.message);
  });
}

module.exports = { store };
