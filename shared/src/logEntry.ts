// One entry of the extension's own log (the "Observability Lens" output channel), from the server or
// the client: structured as the extension asks its users to log, a constant message and then the
// fields as JSON (`server started {"version":…}`), so a person reads it and a tool can parse it.

export type LogFields = Record<string, unknown>;

/** One entry: the constant message, then the fields as one JSON object (control characters escaped by JSON). */
export function logEntry(message: string, fields?: LogFields): string {
  return fields && Object.keys(fields).length > 0 ? `${message} ${JSON.stringify(fields)}` : message;
}

/** What the client logs once the server answered `initialize`, with the time since activate() (the ship benchmark reads it). */
export const CLIENT_READY_MESSAGE = 'client ready';
