// @case library=pino path=src/storage/tus/s3-locker.ts
// Supabase Storage's S3 locker: a class handing out the console it was given (`getLogger():
// Pick<Console, ...>`), reached through a parameter or a member typed with the class of this file.
// Its callers print with console; no fix (the class decides where its output goes).
export class S3Locker {
  private readonly logger: Pick<Console, 'log' | 'warn' | 'error'>;
  constructor(options: { logger?: Pick<Console, 'log' | 'warn' | 'error'> }) {
    this.logger = options.logger || console;
  }

  getLogger(): Pick<Console, 'log' | 'warn' | 'error'> {
    return this.logger;
  }
}

export class S3Lock {
  constructor(
    private readonly locker: S3Locker,
    private readonly id: string,
  ) {}

  renew() {
    this.locker.getLogger().warn('Failed to renew lock', this.id);
  //~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [console-logging] `this.locker.getLogger()` is console: its warn() in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
}

export function release(locker: S3Locker) {
  locker.getLogger().error('Failed to release S3 lock');
//~~~~~~~~~~~~~~~~~~~~~~~~ [console-logging] `locker.getLogger()` is console: its error() in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}
