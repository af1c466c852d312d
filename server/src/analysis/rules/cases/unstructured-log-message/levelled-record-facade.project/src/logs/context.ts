// Nango's activity log: each level method hands a transport one record with its level by name.
export interface Transport {
  log(record: object, options: object): Promise<boolean>;
}

export class LogContext {
  constructor(private readonly transport: Transport, private readonly id: string) {}

  async log(record: { type: string; level: string; message: string }): Promise<boolean> {
    return await this.transport.log(record, { operationId: this.id });
  }

  async info(message: string, meta?: object): Promise<boolean> {
    return await this.transport.log({ type: 'log', level: 'info', message, meta, createdAt: new Date().toISOString() }, { operationId: this.id });
  }

  async warn(message: string, meta?: object): Promise<boolean> {
    return await this.transport.log({ type: 'log', level: 'warn', message, meta }, { operationId: this.id });
  }

  async error(message: string, meta: (object & { error?: unknown }) | null = null): Promise<boolean> {
    const { error, ...rest } = meta || {};
    return await this.transport.log({ type: 'log', level: 'error', message, error, meta: rest }, { operationId: this.id });
  }

  // An HTTP record whose level the response chooses.
  async http(message: string, { response }: { response?: { code: number } }): Promise<boolean> {
    const level = response && response.code >= 400 ? 'error' : 'info';
    return await this.transport.log({ type: 'http', level, message, response }, { operationId: this.id });
  }
}

// A notifier: its level methods show a toast, they hand on no record with a level.
export class Toasts {
  info(text: string): void {
    show({ kind: 'info', text });
  }
  warn(text: string): void {
    show({ kind: 'warn', text });
  }
  error(text: string): void {
    show({ kind: 'error', text });
  }
}

function show(toast: object): void {
  void toast;
}

// A notifier that emits `{ level, message }` to a socket: a toast, not a log.
export class Notifier {
  constructor(private readonly socket: { emit(event: string, payload: object): void }) {}
  info(message: string): void {
    this.socket.emit('toast', { level: 'info', message });
  }
  warn(message: string): void {
    this.socket.emit('toast', { level: 'warn', message });
  }
  error(message: string): void {
    this.socket.emit('toast', { level: 'error', message });
  }
}
