// @case library=winston path=api/app.ts type=module
// Loggers from a winston Container: a project's `module('App')` over `container.add(module)`, and
// winston's own default container (`winston.loggers.get(...)`, `new Container()`), as its README shows.
import winston, { Container, loggers } from 'winston';
import * as loggersModule from './lib/logger';

const logger = loggersModule.module('App');
logger.info('Version', { processVersion: process.version });
logger.info('Store path', { cwd: process.cwd() });

const category = winston.loggers.get('category1');
category.warn('cache miss for processPid', { processPid: process.pid });

const other = loggers.add('category2');
other.error('queue stalled', { processArgv: process.argv[2] });

const mine = new Container();
mine.get('jobs').info('job done', { processArgv: process.argv[3] });

// A container's other methods are no loggers.
const has = mine.has('jobs');
export const summary = { has, logged: logger.info('started', { has }) };
