// @case library=winston path=api/app.ts type=module
// Loggers from a winston Container: a project's `module('App')` over `container.add(module)`, and
// winston's own default container (`winston.loggers.get(...)`, `new Container()`), as its README shows.
import winston, { Container, loggers } from 'winston';
import * as loggersModule from './lib/logger';

const logger = loggersModule.module('App');
logger.info(`Version: ${process.version}`);
          //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
logger.info('Store path:' + process.cwd());
          //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.

const category = winston.loggers.get('category1');
category.warn(`cache miss for ${process.pid}`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.

const other = loggers.add('category2');
other.error(`queue ${process.argv[2]} stalled`);
          //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.

const mine = new Container();
mine.get('jobs').info(`job ${process.argv[3]} done`);
                    //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.

// A container's other methods are no loggers.
const has = mine.has('jobs');
export const summary = { has, logged: logger.info('started', { has }) };
