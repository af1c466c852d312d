// The server's own log, shown in the "Observability Lens" output channel: structured as the extension
// asks its users to log, a constant message and then the fields as JSON (`server started {"version":…}`),
// so the entries can be read by a person and searched or parsed by a tool. The client's channel adds the
// level and time in front of each line.
import type { RemoteConsole } from 'vscode-languageserver/node';

export type LogFields = Record<string, unknown>;

/** One entry: the constant message, then the fields as one JSON object (control characters escaped by JSON). */
export function logEntry(message: string, fields?: LogFields): string {
  return fields && Object.keys(fields).length > 0 ? `${message} ${JSON.stringify(fields)}` : message;
}

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
