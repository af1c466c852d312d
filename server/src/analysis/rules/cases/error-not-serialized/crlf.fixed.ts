// @case library=pino loggerModule=src/logger.ts path=src/crlf.ts
import { logger } from "./logger";

export function parse(text: string) {
  try {
    return JSON.parse(text);
  } catch (err) {
    logger.warn({ err }, "parse failed");
    return null;
  }
}
