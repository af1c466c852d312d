// @case library=pino path=src/routes/connections.ts loggerModule=src/logger.ts rules=error-not-serialized
// `parsed.error` of `schema.safeParse(input)` is a ZodError: under a key pino has no serializer for
// it is written as {} (HyperDX); its text logged as a failure's at error level loses it (OpenStatus);
// below error level the schema's verdict on input is the line a reader needs (Docmost).
import { z } from 'zod';
import { logger } from '../logger';

const connectionSchema = z.object({ id: z.string(), url: z.string().url() });

export function parseConnection(raw: unknown) {
  const parseResult = connectionSchema.safeParse(raw);
  if (!parseResult.success) {
    logger.error({ error: parseResult.error }, 'Failed to parse connection');
                        //~~~~~~~~~~~~~~~~~ [error-not-serialized] pino writes the error `parseResult.error` under `error` as `{}` (its message and stack are not enumerable; only `err` has the error serializer); log it as `err`.
    logger.error({ error_message: parseResult.error.message }, 'Failed to parse connection');
                                //~~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `parseResult.error.message` logs the error as text, which loses its stack and type; log the error object instead.
    logger.warn(`Invalid connection: ${parseResult.error.message}`);
    return null;
  }
  return parseResult.data;
}
