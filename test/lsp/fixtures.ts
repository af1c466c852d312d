// Real temporary workspaces for the LSP tests: a folder under os.tmpdir() with the given files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri } from '../support/lspClient';

export const PINO_PACKAGE_JSON = JSON.stringify({ name: 'svc', version: '1.0.0', dependencies: { pino: '^9.0.0' } }, null, 2);
export const WINSTON_PACKAGE_JSON = JSON.stringify({ name: 'svc', version: '1.0.0', dependencies: { winston: '^3.0.0' } }, null, 2);
export const PINO_LOGGER = `import pino from 'pino';\n\nexport const logger = pino({ level: 'info' });\n`;
export const WINSTON_LOGGER = `import winston from 'winston';\n\nexport const logger = winston.createLogger({ transports: [new winston.transports.Console()] });\n`;

/** A small Express service: an app mounting an orders router whose one route no metric measures. */
export const SHOP_APP = `import express from 'express';
import { orders } from './orders';

const app = express();
app.use('/orders', orders);
app.listen(3000);
`;
export const SHOP_ORDERS = `import { Router } from 'express';

export const orders = Router();
orders.get('/:id', (req, res) => {
  res.json({ id: req.params.id });
});
`;

export interface Workspace {
  root: string;
  uri(rel: string): string;
  path(rel: string): string;
  write(rel: string, text: string): void;
  remove(): void;
}

/** A pino service workspace with src/logger.ts plus the given files (relative path → text). */
export function makeWorkspace(files: Record<string, string>, base: Record<string, string> = { 'package.json': PINO_PACKAGE_JSON, 'src/logger.ts': PINO_LOGGER }): Workspace {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-lsp-')));
  const ws: Workspace = {
    root,
    uri: (rel) => fileUri(path.join(root, rel)),
    path: (rel) => path.join(root, rel),
    write(rel, text) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    },
    remove() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [rel, text] of Object.entries({ ...base, ...files })) ws.write(rel, text);
  return ws;
}

/** Zero-based line and character of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string): { line: number; character: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  const before = text.slice(0, index);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

export const WHOLE_DOCUMENT = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
