// @case library=pino path=src/app.ts
export function start(listen: () => void) {
  try {
    listen();
  } catch (err) {
    console.error(`start failed: ${(err as Error).message}`);
                                 //~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(err as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
    console.error('start failed', String(err));
                                //~~~~~~~~~~~ [error-not-serialized] `String(err)` logs the error as text, which loses its stack and type; log the error object instead.
  }
}
