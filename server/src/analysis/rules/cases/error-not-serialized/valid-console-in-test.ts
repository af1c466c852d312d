// @case library=pino loggerModule=src/logger.ts path=test/jobs.test.ts
// A test printing to the console writes for the person running it: the error's text is what they read.
export async function runJob(job: () => Promise<void>) {
  try {
    await job();
  } catch (err) {
    console.error(`job failed: ${(err as Error).message}`);
    console.log('job failed', String(err));
  }
}
