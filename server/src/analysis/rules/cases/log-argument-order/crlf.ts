// @case library=pino loggerModule=src/logger.ts path=src/crlf.ts
import { logger } from "./logger";

export function tick(n: number) {
  logger.info("tick", { n });
                    //~~~~~ [log-argument-order] pino drops an object passed after the message; pass the fields first: logger.info({ ... }, 'message').
}
