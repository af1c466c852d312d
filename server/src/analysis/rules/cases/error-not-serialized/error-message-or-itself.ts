// @case library=pino loggerModule=src/logger.ts
// `error.message || error` (Juice Shop's WebSocket `onerror` listeners) is the error's text, or the
// value itself where it has none: text either way in a template. A fallback to another value is not.
import { logger } from '../logger';

export function listen(provider: { websocket: { onerror: unknown } }, reason: string) {
  provider.websocket.onerror = (error: any) => {
    logger.error(`WebSocket error (NFT Mint Listener): ${error.message || error}`);
                                                       //~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `error.message || error` logs the error as text, which loses its stack and type; log the error object instead.
    logger.warn(`WebSocket closing: ${error.message || reason}`);
  };
}
