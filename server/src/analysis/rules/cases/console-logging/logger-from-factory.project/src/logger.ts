import { createLogger } from './log/factory';

export const logger = createLogger({ name: 'api' });
