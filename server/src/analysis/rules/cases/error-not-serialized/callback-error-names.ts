// @case library=pino loggerModule=src/logger.ts
// The error of a Node-style callback named in other words (The Lounge's `fs.mkdir(folder, (mkdirErr) => ...)`,
// `ldap.search(base, options, function (err2, res) {...})`) is an error as `err` is.
import * as fs from 'node:fs';
import { logger } from '../logger';

declare function search(base: string, options: object, callback: (err: Error | null, res: unknown) => void): void;

export function prepare(folder: string) {
  fs.mkdir(folder, { recursive: true }, (mkdirErr) => {
    if (mkdirErr) logger.error({ folder }, `failed to create folder: ${mkdirErr.message}`);
                                                                     //~~~~~~~~~~~~~~~~ [error-not-serialized] `mkdirErr.message` logs the error as text, which loses its stack and type; log the error object instead.
  });
  search('dc=example', {}, function (err2, res) {
    if (err2) logger.error(`LDAP search error: ${err2.toString()}`);
                                               //~~~~~~~~~~~~~~~ [error-not-serialized] `err2.toString()` logs the error as text, which loses its stack and type; log the error object instead.
    else logger.info({ res }, 'found');
  });
  // A lone parameter of another name is an item, not an error.
  [folder].forEach((entry) => logger.info(`entry ${entry.length}`));
}
