// @case library=pino path=scripts/report.ts
const total = 3;
console.log(`report: ${total} rows`);
