// @case library=pino loggerModule=src/logger.ts
// A callback's `error` not known to be an Error (Documenso's BullMQ worker `on('failed', (job, error) => ...)`)
// goes under pino's `err`, where its serializer keeps an Error's message and stack.
export function watch(worker: { on(event: string, cb: (job: { name?: string } | undefined, error: unknown) => void): void }) {
  worker.on('failed', (job, error) => {
    console.error('job failed', job?.name, error);
//  ~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  });
}

export function backedUp(time: string, level: number) {
  // Keys pino writes itself, in an object console printed whole: offered, not applied.
  console.log('backup done', { time, level });
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}
