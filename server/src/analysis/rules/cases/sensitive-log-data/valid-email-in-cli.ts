// @case library=pino loggerModule=src/logger.ts path=src/bin/list-users.ts
#!/usr/bin/env node
import { logger } from '../logger';

// A CLI prints the emails for the operator who asked for them.
export function list(emails: string[]) {
  for (const email of emails) logger.info({ email }, 'user');
}
