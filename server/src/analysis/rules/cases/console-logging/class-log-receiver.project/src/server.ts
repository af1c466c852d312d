import { PluginManager } from './plugins';
import { logger } from './logger';

logger.info('starting');
new PluginManager({ log: logger }).remove('x');
