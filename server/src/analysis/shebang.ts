// A node shebang on a file's first line (`#!/usr/bin/env node`): a script without an extension is
// JavaScript for node. Kept free of TypeScript, so the CLI's file discovery does not load the engine.

export const NODE_SHEBANG = /^\uFEFF?#![^\n]*\bnode\b/;
