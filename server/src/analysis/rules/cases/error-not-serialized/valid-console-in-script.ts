// @case library=pino loggerModule=src/logger.ts path=scripts/migrate.ts
export async function migrate(run: () => Promise<void>) {
  try {
    await run();
  } catch (err) {
    console.error('migration failed: ' + err);
    process.exitCode = 1;
  }
}
