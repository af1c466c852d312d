// @case library=pino path=apps/web/app/api/items/route.ts type=module rules=error-not-serialized,unstructured-log-message
// Formbricks's logger: a workspace package whose built `dist/` is absent (its `src/` is read), making
// pino under another name (`import Pino from "pino"`, so pino's own serializers apply: `err` only),
// and exporting an object of the logger's level methods bound to it plus `withContext`, which
// derives a child. Its calls, its children's and a helper's typed `ReturnType<typeof logger.withContext>`
// are pino calls.
import { logger } from "@acme/logger";

async function load(id: string): Promise<unknown> {
  return { id };
}

function report(log: ReturnType<typeof logger.withContext>, err: unknown) {
  log.error({ error: err, statusCode: 500 }, "Unexpected error");
}

export async function GET(req: Request) {
  const log = logger.withContext({ url: req.url });
  try {
    return Response.json(await load(req.url));
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    logger.error({ error, url: req.url }, "Error in items endpoint");
    log.warn({ error: err, reqUrl: req.url }, "Could not load");
    report(log, err);
    return new Response(null, { status: 500 });
  }
}
