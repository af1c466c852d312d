// @case library=pino path=src/app.js
// Bare names a service maps to its own files at run time are followed to them: module-alias's
// `_moduleAliases` in package.json (`"@lib": "src/lib"`, so `@lib/logger` is src/lib/logger.js), and
// the table of a module patching Node's `Module._resolveFilename` (MagicMirror's alias-resolver:
// `require("log")` is js/log.js). A name neither maps is a package, as before.
require('../js/alias-resolver');
const logger = require('@lib/logger');
const Log = require('log');
const other = require('other-log');

logger.info(`started ${process.pid}`);
          //~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
Log.info(`ready ${process.pid}`);
       //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
other.format(`ready ${process.pid}`, 1);
