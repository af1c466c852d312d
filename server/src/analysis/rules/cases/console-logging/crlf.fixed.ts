// @case library=pino loggerModule=src/logger.ts path=src/crlf.ts
import { logger } from "./logger";

export function tick(n: number) {
  logger.info({ n }, "tick");
  logger.info({ n }, "tock");
}
