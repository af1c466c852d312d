// The server's own log, shown in the "Observability Lens" output channel: structured as the extension
// asks its users to log, a constant message and then the fields as JSON (`server started {"version":…}`),
// so the entries can be read by a person and searched or parsed by a tool. The client's channel adds the
// level and time in front of each line.
import type { RemoteConsole } from 'vscode-languageserver/node';
import { logEntry, type LogFields } from '../../../shared/src/logEntry';

export { logEntry, type LogFields };

export interface ServerLog {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export function createServerLog(console: RemoteConsole): ServerLog {
  return {
    info: (message, fields) => console.info(logEntry(message, fields)),
    warn: (message, fields) => console.warn(logEntry(message, fields)),
    error: (message, fields) => console.error(logEntry(message, fields)),
  };
}
