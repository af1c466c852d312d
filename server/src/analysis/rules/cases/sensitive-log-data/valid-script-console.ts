// @case library=pino path=scripts/make-key.ts
// A script that generates a key prints it for the person who asked for it: that is its output.
const apiKey = Math.random().toString(36).slice(2);
console.log(`API key: ${apiKey}`);
console.log({ apiKey });
