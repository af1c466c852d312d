// @case library=pino loggerModule=src/logger.ts path=src/crlf.ts
import { logger } from "./logger";

export function parse(text: string) {
  try {
    return JSON.parse(text);
  } catch (err) {
    logger.warn({ err }, "parse failed");
                               //~~~ [error-not-serialized] `err` logs the error as text, which loses its stack and type; log the error object instead.
    return null;
  }
}
