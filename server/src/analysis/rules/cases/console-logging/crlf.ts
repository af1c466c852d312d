// @case library=pino loggerModule=src/logger.ts path=src/crlf.ts
import { logger } from "./logger";

export function tick(n: number) {
  console.log("tick", n);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  logger.info({ n }, "tock");
}
