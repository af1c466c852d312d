// @case library=pino loggerModule=src/logger.ts path=scripts/seed.ts
const users = ['ada', 'grace'];
for (const u of users) console.log(`seeding ${u}`);
console.log('done');
