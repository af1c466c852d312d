// The result cache: a result comes back only for the same text, engine and configuration, and
// survives a process restart through its file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileAnalysis } from '../../../server/src/analysis/types';
import { ResultCache, computeConfigKey } from '../../../server/src/analysis/workspace/cache';

function analysis(file: string, message: string): FileAnalysis {
  return {
    path: file,
    findings: [{ rule: 'console-logging', message, severity: 'warning', start: 0, end: 5, line: 0, column: 0, endLine: 0, endColumn: 5, fixes: [] }],
    logCalls: [],
    parseErrors: 0,
  };
}

describe('result cache', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-cache-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('hits only for the same text and configuration key', () => {
    const cache = new ResultCache({});
    const file = path.join(dir, 'a.ts');
    cache.set(file, 'console.log(1)', 'k1', analysis(file, 'm'));
    assert.equal(cache.get(file, 'console.log(1)', 'k1')?.findings[0].message, 'm');
    assert.equal(cache.get(file, 'console.log(2)', 'k1'), undefined);
    assert.equal(cache.get(file, 'console.log(1)', 'k2'), undefined);
    assert.equal(cache.get(path.join(dir, 'b.ts'), 'console.log(1)', 'k1'), undefined);
    assert.deepEqual(cache.stats, { hits: 1, misses: 3 });
  });

  it('configuration keys ignore key order but not values', () => {
    const a = computeConfigKey({ severities: { 'console-logging': 'warning', 'log-argument-order': 'error' }, facts: { library: 'pino' } });
    const b = computeConfigKey({ facts: { library: 'pino' }, severities: { 'log-argument-order': 'error', 'console-logging': 'warning' } });
    const c = computeConfigKey({ facts: { library: 'winston' }, severities: { 'log-argument-order': 'error', 'console-logging': 'warning' } });
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('persists across instances and forgets everything when the engine version changes', () => {
    const location = path.join(dir, 'sub', '.obs-lens-cache');
    const file = path.join(dir, 'a.ts');
    const first = new ResultCache({ location, engineVersion: 'v1' });
    first.set(file, 'text', 'k', analysis(file, 'kept'));
    first.save();
    assert.ok(fs.existsSync(location));
    const second = new ResultCache({ location, engineVersion: 'v1' });
    assert.equal(second.get(file, 'text', 'k')?.findings[0].message, 'kept');
    const upgraded = new ResultCache({ location, engineVersion: 'v2' });
    assert.equal(upgraded.size, 0);
    assert.equal(upgraded.get(file, 'text', 'k'), undefined);
  });

  it('starts empty from a corrupt cache file and replaces it', () => {
    const location = path.join(dir, '.obs-lens-cache');
    fs.writeFileSync(location, '{"format":1,"engine":');
    const cache = new ResultCache({ location, engineVersion: 'v1' });
    assert.equal(cache.size, 0);
    const file = path.join(dir, 'a.ts');
    cache.set(file, 't', 'k', analysis(file, 'x'));
    cache.save();
    assert.equal(new ResultCache({ location, engineVersion: 'v1' }).size, 1);
  });

  it('writes no file through a link planted where its temporary file would go, nor leaves one behind', () => {
    const location = path.join(dir, '.obs-lens-cache');
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
    // The name the temporary file used to have: `<location>.<pid>.tmp`.
    fs.symlinkSync(victim, `${location}.${process.pid}.tmp`);
    const cache = new ResultCache({ location, engineVersion: 'v1' });
    const file = path.join(dir, 'a.ts');
    cache.set(file, 't', 'k', analysis(file, 'x'));
    cache.save();
    assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
    assert.equal(new ResultCache({ location, engineVersion: 'v1' }).size, 1, 'the cache itself is saved');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.obs-lens-cache', `.obs-lens-cache.${process.pid}.tmp`, 'victim.txt']);
  });

  it('memory-only caches write nothing', () => {
    const cache = new ResultCache({});
    cache.set(path.join(dir, 'a.ts'), 't', 'k', analysis('a', 'x'));
    cache.save();
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});
