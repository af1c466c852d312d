#!/usr/bin/env node
// A CLI entry point (shebang): printing is its job.
console.log('usage: tool <file>');
