// @case library=pino loggerModule=src/logger.js path=bin/tool.js
const [file] = process.argv.slice(2);
console.log('processing', file);
console.error('usage: tool <file>');
