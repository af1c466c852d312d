#!/usr/bin/env node
// A CLI entry point (shebang): its console output is its interface.
import { readFileSync } from 'node:fs';

try {
  readFileSync(process.argv[2], 'utf8');
} catch (err) {
  console.error(`cannot read ${process.argv[2]}: ${(err as Error).message}`);
  process.exit(1);
}
