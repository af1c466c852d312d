// The logger's own output is checked in its file: the prefix before the caller's message is its
// format, and the JSON record it writes is a record (see Logger.js: no finding there).
const Logger = require('./Logger');
new Logger('Server').info('Server started');
