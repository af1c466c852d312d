// Discovery on real folders: what a user expects `obs-lens check .` to look at and to leave alone.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createIgnoreMatcher, discoverFiles, isAnalysable } from '../../../server/src/analysis/workspace/discover';

function makeTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-discover-'));
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return root;
}

function relAll(root: string, files: string[]): string[] {
  return files.map((f) => path.relative(root, f).split(path.sep).join('/'));
}

describe('workspace discovery', () => {
  const roots: string[] = [];
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));
  const tree = (files: Record<string, string>) => {
    const r = makeTree(files);
    roots.push(r);
    return r;
  };

  it('recognises source extensions but not declarations or minified bundles', () => {
    for (const f of ['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'A.TS']) {
      assert.equal(isAnalysable(`/w/${f}`), true, f);
    }
    for (const f of ['a.d.ts', 'a.d.mts', 'a.d.cts', 'a.min.js', 'a-min.js', 'a.min.mjs', 'a.json', 'a.md', 'Makefile', 'a.ts.map']) {
      assert.equal(isAnalysable(`/w/${f}`), false, f);
    }
  });

  it("takes a node script without an extension in a bin folder or beside a package.json (express-generator's bin/www), never another file without one", async () => {
    const root = tree({
      'package.json': '{}',
      'nodebb': '#!/usr/bin/env node\nrequire("./src/cli");\n',
      'LICENSE': 'MIT\n',
      'Dockerfile': 'FROM node:20\n',
      'bin/www': '#!/usr/bin/env node\nrequire("../app");\n',
      'bin/deploy': '#!/bin/sh\necho deploying\n',
      'src/notes': '#!/usr/bin/env node\nnot beside a package.json, not in bin/\n',
      'app.js': 'module.exports = {};\n',
    });
    assert.deepEqual(relAll(root, await discoverFiles(root, { ignore: [] })), ['app.js', 'bin/www', 'nodebb']);
    assert.equal(isAnalysable(path.join(root, 'bin', 'www')), true);
    assert.equal(isAnalysable(path.join(root, 'bin', 'missing')), false);
  });

  it('finds sources, sorted and absolute, skipping build and dependency folders', async () => {
    const root = tree({
      'src/b.ts': '', 'src/a.js': '', 'src/types.d.ts': '', 'src/vendor.min.js': '', 'README.md': '',
      'node_modules/pino/index.js': '', 'dist/app.js': '', 'build/x.js': '', 'out/x.js': '',
      'coverage/x.js': '', '.next/x.js': '', '.turbo/x.js': '', 'packages/api/node_modules/x/i.js': '',
      'packages/api/src/index.mts': '',
    });
    const files = await discoverFiles(root, { ignore: [] });
    assert.deepEqual(relAll(root, files), ['packages/api/src/index.mts', 'src/a.js', 'src/b.ts']);
    assert.ok(files.every((f) => path.isAbsolute(f)));
  });

  it('respects root and nested .gitignore files, including negation', async () => {
    const root = tree({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'generated/api.ts': '',
      'src/x.gen.ts': '',
      'src/ok.ts': '',
      'pkg/.gitignore': 'local.ts\n!keep.gen.ts\n',
      'pkg/local.ts': '',
      'pkg/keep.gen.ts': '',
      'pkg/main.ts': '',
      'other/local.ts': '',
    });
    const files = await discoverFiles(root, { ignore: [] });
    assert.deepEqual(relAll(root, files), ['other/local.ts', 'pkg/keep.gen.ts', 'pkg/main.ts', 'src/ok.ts']);
  });

  it('applies the ignore setting as gitignore globs relative to the root', async () => {
    const root = tree({ 'src/a.ts': '', 'src/legacy/old.ts': '', 'scripts/x.ts': '', 'src/a.spec.ts': '' });
    const files = await discoverFiles(root, { ignore: ['src/legacy/', '**/*.spec.ts', ''] });
    assert.deepEqual(relAll(root, files), ['scripts/x.ts', 'src/a.ts']);
  });

  it('limits the walk to requested folders while keeping root ignore rules', async () => {
    const root = tree({ '.gitignore': 'src/gen/\n', 'src/a.ts': '', 'src/gen/g.ts': '', 'lib/b.ts': '' });
    const files = await discoverFiles(root, { ignore: [], within: [path.join(root, 'src')] });
    assert.deepEqual(relAll(root, files), ['src/a.ts']);
  });

  it('does not follow a symlinked folder loop', async () => {
    const root = tree({ 'src/a.ts': '' });
    fs.symlinkSync(root, path.join(root, 'src', 'loop'), 'dir');
    const files = await discoverFiles(root, { ignore: [] });
    assert.deepEqual(relAll(root, files), ['src/a.ts']);
  });

  it('matches single files the same way for the language server', () => {
    const root = tree({ '.gitignore': 'gen/\n', 'pkg/.gitignore': 'secret.ts\n' });
    const ignored = createIgnoreMatcher(root, ['legacy/**']);
    assert.equal(ignored(path.join(root, 'src/a.ts')), false);
    assert.equal(ignored(path.join(root, 'gen/a.ts')), true);
    assert.equal(ignored(path.join(root, 'gen/deep/a.ts')), true);
    assert.equal(ignored(path.join(root, 'pkg/secret.ts')), true);
    assert.equal(ignored(path.join(root, 'pkg/open.ts')), false);
    assert.equal(ignored(path.join(root, 'legacy/x/y.ts')), true);
    assert.equal(ignored(path.join(root, 'node_modules/pino/index.js')), true);
    assert.equal(ignored(path.join(root, 'packages/a/dist/index.js')), true);
    assert.equal(ignored('/somewhere/else/file.ts'), false);
  });
});
