// The job runner's own logger type: no logger library behind it (its implementations print to the console).
export interface JobRunIO {
  runTask<T>(key: string, task: () => Promise<T>): Promise<T>;
  logger: {
    info(...args: unknown[]): void;
    error(...args: unknown[]): void;
    debug(...args: unknown[]): void;
    warn(...args: unknown[]): void;
    log(...args: unknown[]): void;
  };
}
