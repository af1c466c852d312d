// A command's stdout and stderr as a LogSource (`npm run dev`, `docker logs -f api`). Spawned without a
// shell, so arguments are never re-interpreted; in its own process group, so stop() ends the whole
// tree (npm's child server included), not just the direct child.
import { spawn, type ChildProcess } from 'node:child_process';
import type { LogSource, SourceSink } from '../types';

export interface CommandSourceOptions {
  cwd?: string;
  /** Added to (and overriding) the inherited environment. */
  env?: Record<string, string | undefined>;
  /** Time between SIGTERM and SIGKILL on stop. Default 3000 ms. */
  killGraceMs?: number;
}

/** Passes on only whole lines so stdout and stderr, sharing one splitter, never interleave mid-line. */
class LineGate {
  private held: Buffer = Buffer.alloc(0);
  constructor(private readonly emit: (chunk: Buffer) => void) {}
  push(chunk: Buffer): void {
    const joined = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    const nl = joined.lastIndexOf(0x0a);
    if (nl < 0 && joined.length <= 1024 * 1024) {
      this.held = joined;
      return;
    }
    const cut = nl < 0 ? joined.length : nl + 1;
    this.emit(joined.subarray(0, cut));
    this.held = joined.subarray(cut);
  }
  flush(): void {
    if (!this.held.length) return;
    this.emit(Buffer.concat([this.held, Buffer.from('\n')]));
    this.held = Buffer.alloc(0);
  }
}

export class CommandSource implements LogSource {
  readonly label: string;
  private child: ChildProcess | null = null;
  private closed: Promise<void> = Promise.resolve();
  private exited = false;

  constructor(
    private readonly argv: string[],
    private readonly options: CommandSourceOptions = {},
  ) {
    this.label = argv.join(' ');
  }

  /** The spawned process id, once running (tests use it to check the tree is gone). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(sink: SourceSink): void {
    if (this.child) return;
    if (this.argv.length === 0 || !this.argv[0]) {
      sink.event({ type: 'error', source: this.label, message: 'no command given' });
      return;
    }
    const [cmd, ...args] = this.argv;
    let child: ChildProcess;
    try {
      child = spawn(cmd, args, {
        shell: false,
        detached: process.platform !== 'win32',
        cwd: this.options.cwd,
        env: this.options.env ? { ...process.env, ...this.options.env } : process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (err) {
      sink.event({ type: 'error', source: this.label, message: describeSpawnError(cmd, err as NodeJS.ErrnoException, this.options.cwd) });
      return;
    }
    this.child = child;
    const out = new LineGate((c) => sink.data(c));
    const errOut = new LineGate((c) => sink.data(c));
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => errOut.push(c));
    this.closed = new Promise<void>((resolve) => {
      child.on('error', (err: NodeJS.ErrnoException) => {
        // A spawn failure (ENOENT, EACCES) emits 'error' and never 'close'.
        if (child.pid === undefined) {
          this.exited = true;
          sink.event({ type: 'error', source: this.label, message: describeSpawnError(cmd, err, this.options.cwd) });
          resolve();
        }
      });
      child.on('close', (code, signal) => {
        this.exited = true;
        out.flush();
        errOut.flush();
        sink.event({ type: 'exited', source: this.label, code, signal });
        resolve();
      });
    });
    if (child.pid !== undefined) sink.event({ type: 'opened', source: this.label, detail: `pid ${child.pid}` });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || this.exited) return this.closed;
    this.signalTree(child, 'SIGTERM');
    const grace = this.options.killGraceMs ?? 3000;
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.signalTree(child, 'SIGKILL');
        resolve();
      }, grace);
    });
    await Promise.race([this.closed, killed]);
    clearTimeout(timer);
    // After SIGKILL the pipes close promptly; wait so no output arrives after stop() resolves.
    await Promise.race([this.closed, new Promise((r) => setTimeout(r, 1000))]);
  }

  private signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
    if (child.pid === undefined) return;
    try {
      if (process.platform === 'win32') child.kill(signal);
      else process.kill(-child.pid, signal); // negative pid: the whole process group
    } catch {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
  }
}

function describeSpawnError(cmd: string, err: NodeJS.ErrnoException, cwd?: string): string {
  if (err.code === 'ENOENT') {
    return `cannot run "${cmd}": command not found (ENOENT)${cwd ? ` or working directory ${cwd} missing` : ''}; it runs without a shell, so give the program and its arguments separately`;
  }
  if (err.code === 'EACCES') return `cannot run "${cmd}": permission denied (EACCES)`;
  return `cannot run "${cmd}": ${err.message}`;
}
