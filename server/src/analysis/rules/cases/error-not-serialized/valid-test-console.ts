// @case library=pino path=test/app.test.ts
// A test printing why a step failed talks to the person running it: no log record loses a stack.
export function check(run: () => void) {
  try {
    run();
  } catch (err) {
    console.error(`check failed: ${(err as Error).message}`);
  }
}
