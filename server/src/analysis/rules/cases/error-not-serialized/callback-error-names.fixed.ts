// @case library=pino loggerModule=src/logger.ts
// The error of a Node-style callback named in other words (The Lounge's `fs.mkdir(folder, (mkdirErr) => ...)`,
// `ldap.search(base, options, function (err2, res) {...})`) is an error as `err` is.
import * as fs from 'node:fs';
import { logger } from '../logger';

declare function search(base: string, options: object, callback: (err: Error | null, res: unknown) => void): void;

export function prepare(folder: string) {
  fs.mkdir(folder, { recursive: true }, (mkdirErr) => {
    if (mkdirErr) logger.error({ folder, err: mkdirErr }, 'failed to create folder');
  });
  search('dc=example', {}, function (err2, res) {
    if (err2) logger.error({ err: err2 }, 'LDAP search error');
    else logger.info({ res }, 'found');
  });
  // A lone parameter of another name is an item, not an error.
  [folder].forEach((entry) => logger.info(`entry ${entry.length}`));
}
