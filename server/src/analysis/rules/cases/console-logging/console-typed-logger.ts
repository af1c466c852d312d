// @case library=pino loggerModule=src/logger.ts
interface LockerOptions {
  logger?: Pick<Console, 'log' | 'warn' | 'error'>;
}

export class Locker {
  private readonly logger: Pick<Console, 'log' | 'warn' | 'error'>;

  constructor(options: LockerOptions) {
    this.logger = options.logger || console;
  }

  release(id: string) {
    this.logger.log('released', id);
  //~~~~~~~~~~~~~~~ [console-logging] `this.logger` is console: its log() in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
}

export class Cleaner {
  constructor(private readonly out: Console = console) {}

  clean(n: number) {
    this.out.warn('cleaned', n);
  //~~~~~~~~~~~~~ [console-logging] `this.out` is console: its warn() in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
}

export function report(sink: Console, n: number) {
  sink.info('done', n);
//~~~~~~~~~ [console-logging] `sink` is console: its info() in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}
