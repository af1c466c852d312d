// @case library=pino path=src/models/field.ts rules=error-not-serialized
// Saltcorn: console prints an error argument with its stack, but `e.message || e` hands it the
// error's text (the error itself only when it has no message). `e.parent ?? e` is an error either way.
export async function dropConstraint(name: string, run: () => Promise<void>) {
  try {
    await run();
  } catch (e: any) {
    console.error(`could not drop the constraint for "${name}"`, e.message || e);
    //                                                           ~~~~~~~~~~~~~~ [error-not-serialized] `e.message || e` logs the error as text, which loses its stack and type; log the error object instead.
    console.error('write failed: ', e?.message || e);
    //                              ~~~~~~~~~~~~~~~ [error-not-serialized] `e?.message || e` logs the error as text, which loses its stack and type; log the error object instead.
    console.error('query failed', e.parent ?? e);
  }
}
