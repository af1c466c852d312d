// bench/realcode/score.mjs end to end: real label files, a real service tree and a real bare git
// mirror under os.tmpdir(), scored by the real built CLI, as `npm run bench:realcode` runs it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, buildOnce, writeTree } from './helpers';

const SCORE = path.join(REPO, 'bench', 'realcode', 'score.mjs');

const SERVICE: Record<string, string> = {
  // Started with OpenTelemetry's auto-instrumentation: its handler is measured (no handler-missing-metrics to judge).
  'package.json': '{"name":"svc","scripts":{"start":"node -r @opentelemetry/auto-instrumentations-node/register src/server.js"},"dependencies":{"express":"^4"}}\n',
  'src/server.js': [
    "const express = require('express');",
    'const app = express();',
    "app.get('/users/:id', (req, res) => {",
    "  console.log('user ' + req.params.id);",
    '  res.json({});',
    '});',
    "app.listen(3000, () => console.log('listening'));",
    'function load(cb) {',
    '  cb(null, 1);',
    '}',
    'load((err) => {',
    "  if (err) console.error('load failed', err.message);",
    '});',
    "console.info('config', { password: process.env.DB_PASSWORD });",
    '',
  ].join('\n'),
  'src/banner.js': "const PREFIX = process.env.PREFIX || 'SVC: ';\nconsole.log(PREFIX + 'ready');\n",
  'scripts/seed.js': "console.log('seeding');\n",
};

function label(file: string, line: number, rule: string, verdict: string, reason = 'judged in the test') {
  return { file, line, rule, verdict, reason };
}

function labelFile(name: string, repo: string, commit: string, labels: unknown[]) {
  return JSON.stringify({ name, repo, commit, style: 'Express + console', service: '.', paths: ['.'], notes: 'test', labels }, null, 2);
}

interface Scored {
  name: string;
  findings: number;
  judged: number;
  unjudged: number;
  tpFound: number;
  fpFound: number;
  quietViolations: number;
  tpLabels: number;
  tpLabelsFound: number;
  precision: number | null;
  recall: number | null;
  unjudgedFindings: Array<{ file: string; line: number; rule: string; message: string }>;
  quietViolationList: Array<{ file: string; line: number; rule: string }>;
  missedList: Array<{ file: string; line: number; rule: string }>;
}
interface Report {
  repos: Scored[];
  skipped: Array<{ name: string; reason: string }>;
  errors: string[];
  warnings: string[];
  total: Scored;
}

function git(cwd: string, args: string[]): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

describe('bench/realcode/score.mjs', function () {
  this.timeout(120_000);
  let tmp: string;
  let labels: string;
  let trees: string;
  let mirrors: string;
  let mirroredCommit: string;

  before(() => {
    buildOnce();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-realcode-'));
    labels = path.join(tmp, 'labels');
    trees = path.join(tmp, 'trees');
    mirrors = path.join(tmp, 'mirrors');
    fs.mkdirSync(labels);
    writeTree(path.join(trees, 'svc'), SERVICE);

    // A repository present only as a bare mirror: the script must extract its pinned commit.
    const work = path.join(tmp, 'work');
    writeTree(work, { 'package.json': '{"name":"m"}\n', 'src/index.js': "console.log('hi');\n" });
    git(work, ['init', '-q']);
    git(work, ['add', '.']);
    git(work, ['commit', '-q', '-m', 'one']);
    mirroredCommit = git(work, ['rev-parse', 'HEAD']);
    fs.writeFileSync(path.join(work, 'src/index.js'), "console.log('two'); console.log('three');\n");
    git(work, ['commit', '-q', '-am', 'two']);
    fs.mkdirSync(path.join(mirrors, 'acme+mirrored'), { recursive: true });
    git(tmp, ['clone', '-q', '--bare', work, path.join(mirrors, 'acme+mirrored', 'repo')]);

    fs.writeFileSync(
      path.join(labels, 'svc.json'),
      labelFile('svc', 'acme/svc', 'a'.repeat(40), [
        label('src/server.js', 4, 'console-logging', 'TP'),
        label('src/server.js', 4, 'unstructured-log-message', 'TP'),
        label('src/server.js', 7, 'console-logging', 'TP'),
        label('src/server.js', 12, 'console-logging', 'TP'),
        // one line off: still the same place
        label('src/server.js', 13, 'error-not-serialized', 'TP'),
        label('src/server.js', 14, 'console-logging', 'TP'),
        label('src/server.js', 9, 'console-logging', 'TP', 'a miss the CLI cannot find'),
        label('src/banner.js', 2, 'unstructured-log-message', 'FP', 'constant prefix'),
        label('src/banner.js', 2, 'console-logging', 'QUIET', 'pretend this file is a CLI'),
        label('scripts/seed.js', 1, 'console-logging', 'QUIET', 'seed script'),
      ]),
    );
    fs.writeFileSync(path.join(labels, 'mirrored.json'), labelFile('mirrored', 'acme/mirrored', mirroredCommit, [label('src/index.js', 1, 'console-logging', 'TP')]));
    fs.writeFileSync(path.join(labels, 'gone.json'), labelFile('gone', 'acme/gone', 'b'.repeat(40), []));
    fs.writeFileSync(path.join(labels, 'broken.json'), '{ "name": "broken", ');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function score(args: string[], labelsDir = labels) {
    const r = spawnSync(process.execPath, [SCORE, ...args], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, REALCODE_LABELS: labelsDir, REALCODE_DIR: trees, REALCODE_MIRROR_DIR: mirrors },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('scores findings against labels: precision, recall, unjudged findings and QUIET violations', () => {
    const r = score(['--json', '--repo', 'svc']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(report.repos.map((x) => x.name), ['svc']);
    const svc = report.repos[0];
    assert.equal(svc.findings, 9);
    assert.equal(svc.tpFound, 6);
    assert.equal(svc.fpFound, 1);
    assert.equal(svc.quietViolations, 1);
    assert.equal(svc.judged, 8);
    assert.equal(svc.unjudged, 1);
    assert.deepEqual(
      svc.unjudgedFindings.map((d) => `${d.file}:${d.line} ${d.rule}`),
      ['src/server.js:14 sensitive-log-data'],
    );
    assert.ok(svc.unjudgedFindings[0].message.length > 0);
    assert.deepEqual(svc.quietViolationList.map((d) => `${d.file}:${d.line} ${d.rule}`), ['src/banner.js:2 console-logging']);
    assert.equal(svc.tpLabels, 7);
    assert.equal(svc.tpLabelsFound, 6);
    assert.deepEqual(svc.missedList.map((d) => `${d.file}:${d.line}`), ['src/server.js:9']);
    assert.equal(svc.precision, 6 / 8);
    assert.equal(svc.recall, 6 / 7);
  });

  it('extracts a missing tree from its mirror at the pinned commit, skips what it cannot find, reports a bad label file, and exits 0', () => {
    const r = score(['--json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    const mirrored = report.repos.find((x) => x.name === 'mirrored');
    assert.ok(mirrored, r.stdout);
    // The pinned commit has one console call; the mirror's newest commit has two.
    assert.equal(fs.readFileSync(path.join(trees, 'mirrored', 'src', 'index.js'), 'utf8'), "console.log('hi');\n");
    assert.equal(mirrored.findings, 1);
    assert.equal(mirrored.recall, 1);
    assert.deepEqual(report.skipped.map((s) => s.name), ['gone']);
    assert.ok(report.errors.some((e) => e.startsWith('broken.json: not valid JSON')), report.errors.join('\n'));
    assert.deepEqual(report.repos.map((x) => x.name).sort(), ['mirrored', 'svc']);
    assert.equal(report.total.findings, 10);
    assert.equal(report.total.tpLabels, 8);
  });

  it('prints the unjudged findings and QUIET violations as text, and the lists of FPs and misses with --details', () => {
    const plain = score(['--repo', 'svc']);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /unjudged \(1\):\n {2}src\/server\.js:14 sensitive-log-data /);
    assert.match(plain.stdout, /QUIET violations \(1\):\n {2}src\/banner\.js:2 console-logging \(pretend this file is a CLI\)/);
    assert.match(plain.stdout, /precision {2}75\.0% {3}recall {2}85\.7% \(6\/7 TP labels found\)/);
    assert.doesNotMatch(plain.stdout, /missed/);
    const details = score(['--repo', 'svc', '--details']);
    assert.match(details.stdout, /false positives \(1\):\n {2}src\/banner\.js:2 unstructured-log-message \(constant prefix\)/);
    assert.match(details.stdout, /missed \(1\):\n {2}src\/server\.js:9 console-logging \(a miss the CLI cannot find\)/);
  });

  it('warns of repeated labels only where a line has more labels than findings of the rule', () => {
    // Line 1 holds two console calls (two findings, two labels: right); line 2 one call and two labels.
    writeTree(path.join(trees, 'twice'), { 'package.json': '{"name":"twice"}\n', 'src/index.js': "console.log('a'); console.log('b');\nconsole.log('c');\n" });
    const own = path.join(tmp, 'labels-twice');
    fs.mkdirSync(own);
    fs.writeFileSync(
      path.join(own, 'twice.json'),
      labelFile('twice', 'acme/twice', 'c'.repeat(40), [
        label('src/index.js', 1, 'console-logging', 'TP'),
        label('src/index.js', 1, 'console-logging', 'TP'),
        label('src/index.js', 2, 'console-logging', 'TP'),
        label('src/index.js', 2, 'console-logging', 'TP'),
      ]),
    );
    const r = score(['--json'], own);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    assert.equal(report.repos[0].findings, 3);
    assert.equal(report.repos[0].tpFound, 3);
    assert.deepEqual(report.warnings, ['twice.json: label #4 repeats src/index.js:2:console-logging: 2 labels, 1 finding(s) there']);
  });

  it("matches a label on a call's first line to a finding further down the same call, and not to one in a call it only encloses", () => {
    // The error's text is on line 5, inside the call that starts on line 3 (the finding is the call
    // JSON.stringify(e.message) itself: the call around it is the one the label names); the template
    // on line 9 is in a call of its own, inside the Promise.all that starts on line 7.
    const text = [
      "const pino = require('pino');",
      'const logger = pino();',
      'try { run(); } catch (e) { logger.error(',
      "  'failed',",
      '  JSON.stringify(e.message),',
      '); }',
      'Promise.all([1].map((x) =>',
      '  x &&',
      '  logger.info(`item ${x}`)));',
      '',
    ].join('\n');
    writeTree(path.join(trees, 'calls'), { 'package.json': '{"name":"calls","dependencies":{"pino":"^9"},"scripts":{"start":"node src/index.js"}}\n', 'src/index.js': text });
    const own = path.join(tmp, 'labels-calls');
    fs.mkdirSync(own);
    fs.writeFileSync(
      path.join(own, 'calls.json'),
      labelFile('calls', 'acme/calls', 'd'.repeat(40), [label('src/index.js', 3, 'error-not-serialized', 'TP'), label('src/index.js', 7, 'unstructured-log-message', 'TP')]),
    );
    const r = score(['--json'], own);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    const calls = report.repos[0];
    // The first label judges the finding on line 5; the second, on the first line of the Promise.all
    // around the finding on line 9 (not of its own call), judges nothing.
    assert.equal(calls.tpFound, 1);
    assert.equal(calls.tpLabelsFound, 1);
  });

  it('matches a label on the line a logged message was built on to the finding at the call that logs it', () => {
    const text = [
      "const pino = require('pino');",
      'const logger = pino();',
      'function fail(id) {',
      '  const msg = `failed for ${id}`;',
      "  logger.info('start');",
      "  logger.info('next');",
      '  logger.warn(msg);',
      '}',
      'fail(1);',
      '',
    ].join('\n');
    writeTree(path.join(trees, 'built'), { 'package.json': '{"name":"built","dependencies":{"pino":"^9"},"scripts":{"start":"node src/index.js"}}\n', 'src/index.js': text });
    const own = path.join(tmp, 'labels-built');
    fs.mkdirSync(own);
    fs.writeFileSync(path.join(own, 'built.json'), labelFile('built', 'acme/built', 'e'.repeat(40), [label('src/index.js', 4, 'unstructured-log-message', 'TP')]));
    const r = score(['--json'], own);
    assert.equal(r.code, 0, r.stderr);
    const built = (JSON.parse(r.stdout) as Report).repos[0];
    // The finding is on line 7, where msg is logged; its message names line 4.
    assert.equal(built.findings, 1);
    assert.equal(built.tpFound, 1);
    assert.equal(built.tpLabelsFound, 1);
  });

  it('rejects an unknown argument with exit 2 and the usage', () => {
    const r = score(['--frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown argument: --frobnicate\nusage:/);
  });
});
