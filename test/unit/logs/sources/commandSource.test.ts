import { strict as assert } from 'node:assert';
import { CommandSource } from '../../../../server/src/logs/sources';
import { RecordingSink, waitFor } from './helpers';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('CommandSource (command output)', () => {
  let source: CommandSource | null = null;
  afterEach(async () => {
    await source?.stop();
    source = null;
  });

  it('delivers stdout and stderr lines over time, whole, then reports the exit code', async () => {
    const script = `
      const w = (s, t) => new Promise(r => setTimeout(() => { s.write(t); r(); }, 15));
      (async () => {
        await w(process.stdout, 'out-1\\n');
        await w(process.stderr, 'err-1\\n');
        await w(process.stdout, 'par');
        await w(process.stderr, 'err-2\\n');
        await w(process.stdout, 'tial\\n');
        await w(process.stdout, 'no-newline-at-end');
        process.exitCode = 3;
      })();`;
    const sink = new RecordingSink();
    source = new CommandSource([process.execPath, '-e', script]);
    source.start(sink);
    const exited = await waitFor('exit', () => sink.events.find((e) => e.type === 'exited'));
    assert.deepEqual(exited, { type: 'exited', source: source.label, code: 3, signal: null });
    assert.deepEqual([...sink.lines()].sort(), ['err-1', 'err-2', 'no-newline-at-end', 'out-1', 'partial']);
    // stdout keeps its own order
    const out = sink.lines().filter((l) => !l.startsWith('err'));
    assert.deepEqual(out, ['out-1', 'partial', 'no-newline-at-end']);
  });

  it('passes arguments without a shell: metacharacters stay literal', async () => {
    const sink = new RecordingSink();
    source = new CommandSource([process.execPath, '-e', 'console.log(process.argv[1])', '$HOME; echo hacked | cat']);
    source.start(sink);
    await waitFor('exit', () => sink.events.find((e) => e.type === 'exited'));
    assert.deepEqual(sink.lines(), ['$HOME; echo hacked | cat']);
  });

  it('stop() ends the whole process tree, including a child of the child', async () => {
    // The parent starts a grandchild that ignores nothing and runs forever, prints its pid, and waits too.
    const grandchild = `setInterval(() => {}, 1000); console.log('ready')`;
    const parent = `
      const { spawn } = require('child_process');
      const c = spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: ['ignore', 'inherit', 'inherit'] });
      console.log('grandchild-pid ' + c.pid);
      setInterval(() => {}, 1000);`;
    const sink = new RecordingSink();
    source = new CommandSource([process.execPath, '-e', parent], { killGraceMs: 2000 });
    source.start(sink);
    const line = await waitFor('grandchild pid', () => sink.lines().find((l) => l.startsWith('grandchild-pid ')));
    await waitFor('grandchild ready', () => sink.lines().includes('ready'));
    const gpid = Number(line!.split(' ')[1]);
    const ppid = source.pid!;
    assert.ok(alive(gpid) && alive(ppid));
    await source.stop();
    await waitFor('grandchild gone', () => !alive(gpid));
    await waitFor('child gone', () => !alive(ppid));
    const exited = sink.events.find((e) => e.type === 'exited');
    assert.ok(exited && exited.type === 'exited' && exited.signal === 'SIGTERM', JSON.stringify(exited));
  });

  it('a command that does not exist becomes an error event, not a throw', async () => {
    const sink = new RecordingSink();
    source = new CommandSource(['obs-lens-no-such-command-xyz', '--flag']);
    assert.doesNotThrow(() => source!.start(sink));
    const err = await waitFor('error event', () => sink.events.find((e) => e.type === 'error'));
    assert.ok(err && err.type === 'error' && /obs-lens-no-such-command-xyz/.test(err.message) && /not found/.test(err.message), JSON.stringify(err));
    await source.stop(); // resolves although nothing ran
  });

  it('an empty command is reported, not thrown', async () => {
    const sink = new RecordingSink();
    source = new CommandSource([]);
    source.start(sink);
    assert.equal(sink.events[0]?.type, 'error');
  });
});
