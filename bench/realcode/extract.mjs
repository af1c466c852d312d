// A repository's tree at its pinned commit, taken from a bare mirror (the `fetch` tool's snapshot):
// `git archive <commit> | tar -x`, or, when the mirror lacks some blobs (a snapshot may leave out its
// largest files: Nango's changelog GIFs), file by file through `git cat-file --batch`, every blob
// the mirror holds written and the missing ones counted. Symbolic links and submodules are not
// written (no write follows a link out of the tree). The tree is renamed into place only when whole.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Extracts `commit` of the mirror at `gitDir` (optionally only `paths`) into `dest`. Returns
 * { ok: true, missing } (blobs the mirror lacks, left out) or { ok: false, reason }.
 */
export async function extractFromMirror(gitDir, commit, dest, paths = []) {
  if (!fs.existsSync(gitDir)) return { ok: false, reason: `no mirror at ${gitDir}` };
  if (spawnSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`]).status !== 0) return { ok: false, reason: `the mirror at ${gitDir} does not hold ${commit}` };
  const partial = `${dest}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  let missing = 0;
  let ok = await archive(gitDir, commit, paths, partial);
  if (!ok) {
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial, { recursive: true });
    const result = await blobByBlob(gitDir, commit, paths, partial);
    ok = result.ok;
    missing = result.missing;
  }
  if (!ok) {
    fs.rmSync(partial, { recursive: true, force: true });
    return { ok: false, reason: `git could not read ${commit} from ${gitDir}` };
  }
  fs.renameSync(partial, dest);
  return { ok: true, missing };
}

function archive(gitDir, commit, paths, into) {
  return new Promise((resolve) => {
    const git = spawn('git', ['--git-dir', gitDir, 'archive', commit, ...paths], { stdio: ['ignore', 'pipe', 'ignore'] });
    const tar = spawn('tar', ['-x', '-C', into], { stdio: ['pipe', 'ignore', 'ignore'] });
    git.stdout.pipe(tar.stdin);
    let left = 2;
    let good = true;
    const done = (code) => {
      if (code !== 0) good = false;
      if (--left === 0) resolve(good);
    };
    git.on('close', done);
    tar.on('close', done);
    git.on('error', () => done(1));
    tar.on('error', () => done(1));
  });
}

/** Every regular file of the commit whose blob the mirror holds, written under `into`. */
async function blobByBlob(gitDir, commit, paths, into) {
  const listing = spawnSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths], { maxBuffer: 1024 * 1024 * 1024 });
  if (listing.status !== 0) return { ok: false, missing: 0 };
  const files = [];
  for (const entry of listing.stdout.toString('utf8').split('\0')) {
    const m = /^(\d{6}) blob ([0-9a-f]{40,64})\t(.+)$/s.exec(entry);
    // Regular files only: 120000 is a symbolic link, `commit` entries are submodules.
    if (m && (m[1] === '100644' || m[1] === '100755')) files.push({ mode: m[1], sha: m[2], file: m[3] });
  }
  const root = path.resolve(into);
  let missing = 0;
  let next = 0;
  const git = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'ignore'] });
  git.stdin.end(files.map((f) => `${f.sha}\n`).join(''));
  let pending = Buffer.alloc(0);
  /** Bytes of the current blob still to come (-1: a header line is next). */
  let body = -1;
  const write = (content) => {
    const f = files[next++];
    const target = path.resolve(root, f.file);
    if (!target.startsWith(root + path.sep)) return; // a path that climbs out is not written
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content, { mode: f.mode === '100755' ? 0o755 : 0o644 });
  };
  await new Promise((resolve, reject) => {
    git.stdout.on('data', (chunk) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (body < 0) {
          const eol = pending.indexOf(10);
          if (eol < 0) break;
          const header = pending.subarray(0, eol).toString('utf8');
          pending = pending.subarray(eol + 1);
          if (header.endsWith(' missing')) {
            missing++;
            next++;
            continue;
          }
          body = Number(header.split(' ')[2]);
        }
        if (pending.length < body + 1) break; // the blob and its trailing newline
        write(pending.subarray(0, body));
        pending = pending.subarray(body + 1);
        body = -1;
      }
    });
    git.on('close', (code) => (code === 0 && next === files.length ? resolve() : reject(new Error(`git cat-file exited ${code} after ${next} of ${files.length} blobs`))));
    git.on('error', reject);
  }).catch(() => {
    missing = -1;
  });
  return { ok: missing >= 0, missing: Math.max(missing, 0) };
}
