// The project's facade: the adapter is configured at run time, so the model does not see a logger here.
export interface Log {
  info(message: string, fields?: object): void;
}
let current: Log | null = null;
export function setLogger(l: Log): void {
  current = l;
}
export const logger = { info: (message: string, fields?: object) => current?.info(message, fields) };
