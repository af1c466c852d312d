// `npm run bench:realcode`: scores `obs-lens check` against hand-judged labels of real open-source
// services (bench/realcode/repos/*.json). For each repository whose tree is present it runs the
// built CLI as a user would (cwd = the service folder), matches findings to labels (same file,
// same rule, line within ±1 or the first line of the innermost call the finding sits in) and prints precision, recall, QUIET violations and the findings
// nobody judged yet, so a person can judge them. It measures; it never gates: exit 0 whatever the
// scores (2 only for a bad command line). Plain Node and the repository's TypeScript (to find calls).
//
//   node bench/realcode/score.mjs [--json] [--details] [--repo NAME ...]
//
// REALCODE_DIR (default /work/realcode): where trees live, one folder per label file `name`.
// REALCODE_MIRROR_DIR (default /work/.mirror): bare git mirrors (`owner+name/repo`); a missing
//   tree is extracted from there at the pinned commit when the mirror holds it.
// REALCODE_LABELS (default bench/realcode/repos): the label files.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { extractFromMirror } from './extract.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const checkout = path.resolve(here, '..', '..');
const CLI = path.join(checkout, 'dist', 'cli.js');
const LABELS_DIR = path.resolve(process.env.REALCODE_LABELS || path.join(here, 'repos'));
const TREES_DIR = path.resolve(process.env.REALCODE_DIR || '/work/realcode');
const MIRROR_DIR = path.resolve(process.env.REALCODE_MIRROR_DIR || '/work/.mirror');
const RULES = ['console-logging', 'unstructured-log-message', 'error-not-serialized', 'log-argument-order', 'sensitive-log-data', 'incoming-request-id-ignored', 'handler-missing-request-context', 'outgoing-call-without-context', 'handler-missing-metrics', 'missing-request-id-middleware', 'async-context-lost', 'metric-naming', 'high-cardinality-label'];
const VERDICTS = ['TP', 'FP', 'QUIET'];
const USAGE = 'usage: node bench/realcode/score.mjs [--json] [--details] [--repo NAME ...]';

function parseArgs(argv) {
  const args = { json: false, details: false, repos: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--details') args.details = true;
    else if (a === '--repo' && i + 1 < argv.length) args.repos.push(argv[++i]);
    else if (a.startsWith('--repo=')) args.repos.push(a.slice('--repo='.length));
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  return args;
}

// Label files and the code they point at are data: every path from them must stay inside its tree.
function inside(root, rel) {
  const abs = path.resolve(root, rel);
  const r = path.relative(root, abs);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r)) ? abs : null;
}

/** Reads and checks one label file; returns { repo } or { error }. Problems in single labels are warnings. */
function loadLabelFile(file) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return { error: `${path.basename(file)}: not valid JSON (${err.message})` };
  }
  const where = path.basename(file);
  const problems = [];
  if (typeof data.name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(data.name)) problems.push('"name" must be a plain folder name');
  if (typeof data.repo !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(data.repo)) problems.push('"repo" must be owner/name');
  if (typeof data.commit !== 'string' || !/^[0-9a-f]{40}$/.test(data.commit)) problems.push('"commit" must be 40 lowercase hex digits');
  if (typeof data.service !== 'string') problems.push('"service" must be a path ("." for the root)');
  if (!Array.isArray(data.paths) || data.paths.length === 0 || !data.paths.every((p) => typeof p === 'string')) problems.push('"paths" must be a non-empty list of paths');
  if (!Array.isArray(data.labels)) problems.push('"labels" must be a list');
  if (problems.length > 0) return { error: `${where}: ${problems.join('; ')}` };

  const warnings = [];
  const labels = [];
  data.labels.forEach((l, i) => {
    const bad = [];
    if (typeof l?.file !== 'string' || l.file === '') bad.push('file');
    if (!Number.isInteger(l?.line) || l.line < 1) bad.push('line');
    if (!RULES.includes(l?.rule)) bad.push('rule');
    if (!VERDICTS.includes(l?.verdict)) bad.push('verdict');
    if (typeof l?.reason !== 'string' || l.reason.trim() === '') bad.push('reason');
    if (bad.length > 0) {
      warnings.push(`label #${i + 1} ignored: bad ${bad.join(', ')}`);
      return;
    }
    labels.push({ ...l, file: l.file.split(path.sep).join('/'), index: i });
  });
  return { repo: { ...data, labels, where }, warnings };
}

/**
 * Labels repeated at one line and rule beyond the findings there: two labels are right for two
 * findings on one line (`properties.get(['/', '/*'], h)` registers two routes), a third is a copy.
 */
function repeatedLabels(labels, diagnostics) {
  const key = (x) => `${x.file}:${x.line}:${x.rule}`;
  const findings = new Map();
  for (const d of diagnostics) findings.set(key(d), (findings.get(key(d)) ?? 0) + 1);
  const byKey = new Map();
  for (const l of labels) {
    if (!byKey.has(key(l))) byKey.set(key(l), []);
    byKey.get(key(l)).push(l);
  }
  const warnings = [];
  for (const [k, list] of byKey) {
    const found = findings.get(k) ?? 0;
    if (list.length < 2 || list.length <= found) continue;
    // The labels beyond the first (or beyond one per finding) are the copies.
    const extra = list.slice(Math.max(found, 1)).map((l) => `#${l.index + 1}`);
    warnings.push(`label ${extra.join(', ')} repeats ${k}: ${list.length} labels, ${found} finding(s) there`);
  }
  return warnings;
}

function mirrorGitDir(repo) {
  return path.join(MIRROR_DIR, repo.replace('/', '+'), 'repo');
}

function run(cmd, args, opts) {
  return spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...opts });
}

/** Runs the built CLI on the service folder; returns { diagnostics } or { error }. */
function runCheck(serviceDir, paths) {
  const r = run(process.execPath, [CLI, 'check', '--format', 'json', ...paths], {
    cwd: serviceDir,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  if (r.error) return { error: `cannot run the CLI: ${r.error.message}` };
  if (r.status !== 0 && r.status !== 1) return { error: `the CLI exited ${r.status}: ${r.stderr.trim().split('\n').slice(0, 5).join(' / ')}` };
  try {
    return { diagnostics: JSON.parse(r.stdout).diagnostics };
  } catch (err) {
    return { error: `the CLI printed no JSON report (${err.message})` };
  }
}

/**
 * The start line (1-based) of the innermost call that encloses each finding, read from the file with
 * TypeScript: a label names a call by the line it starts on, and a finding in a call written over
 * several lines (`logger.error('failed', {\n  errorMessage: e.message,\n})`) sits on a later line.
 */
function enclosingCallLine(serviceDir) {
  const trees = new Map();
  const treeOf = (file) => {
    if (!trees.has(file)) {
      let sf = null;
      try {
        sf = ts.createSourceFile(file, fs.readFileSync(path.join(serviceDir, file), 'utf8'), ts.ScriptTarget.Latest, false);
      } catch {
        // unreadable or too deeply nested: lines alone decide
      }
      trees.set(file, sf);
    }
    return trees.get(file);
  };
  return (d) => {
    const sf = treeOf(d.file);
    if (!sf || d.line < 1 || d.line > sf.getLineStarts().length) return null;
    const pos = sf.getPositionOfLineAndCharacter(d.line - 1, Math.max(0, d.column - 1));
    // The innermost call only: a label on a wrapper's first line (`Promise.all(items.map(...))`) is not this finding's.
    // A call the finding starts at is what it reports (`JSON.stringify(e.message)` in a message written over
    // lines): the call around it is the one a label names.
    let line = null;
    const visit = (node) => {
      if (pos < node.getStart(sf) || pos >= node.end) return;
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.getStart(sf) < pos) line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      ts.forEachChild(node, visit);
    };
    try {
      visit(sf);
    } catch {
      return null; // nested deeper than the stack: lines alone decide
    }
    return line;
  };
}

/**
 * Pairs findings with labels: same file and rule, nearest line within ±1, the first line of a call
 * the finding sits in, or the line its message says the logged text was built on, an unused label before a used one (two findings a line apart are two places),
 * a used one still judging a second finding at the same place (two calls on one line share a verdict).
 */
function match(diagnostics, labels, callLine = () => null) {
  const byKey = new Map();
  for (const l of labels) {
    const key = `${l.file}\0${l.rule}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(l);
  }
  const used = new Set();
  const pairs = [];
  // Exact lines first, so a label one line off never steals the finding its neighbour owns.
  const order = [...diagnostics.keys()].sort((a, b) => {
    const exact = (i) => (byKey.get(`${diagnostics[i].file}\0${diagnostics[i].rule}`) ?? []).some((l) => l.line === diagnostics[i].line);
    return Number(exact(b)) - Number(exact(a)) || a - b;
  });
  for (const i of order) {
    const d = diagnostics[i];
    const candidates = byKey.get(`${d.file}\0${d.rule}`) ?? [];
    let near = candidates.filter((l) => Math.abs(l.line - d.line) <= 1);
    if (near.length === 0) {
      const call = callLine(d);
      near = candidates.filter((l) => l.line === call);
    }
    // A message built a few lines up is reported where the call uses it, naming the line it was built
    // on (`Log message \`msg\` (line 296) is built with...`): a label there judges it.
    if (near.length === 0) {
      const built = Number(/^[^(]*\(line (\d+)\)/.exec(d.message)?.[1]);
      if (built) near = candidates.filter((l) => l.line === built);
    }
    near.sort((a, b) => Number(used.has(a)) - Number(used.has(b)) || Math.abs(a.line - d.line) - Math.abs(b.line - d.line));
    const label = near[0] ?? null;
    if (label) used.add(label);
    pairs[i] = { finding: d, label };
  }
  return { pairs, used };
}

function ratio(n, d) {
  return d === 0 ? null : n / d;
}

function scoreRepo(repo, diagnostics, serviceDir) {
  const { pairs, used } = match(diagnostics, repo.labels, enclosingCallLine(serviceDir));
  const tpFound = pairs.filter((p) => p.label?.verdict === 'TP');
  const fpFound = pairs.filter((p) => p.label?.verdict === 'FP');
  const quietViolations = pairs.filter((p) => p.label?.verdict === 'QUIET');
  const unjudged = pairs.filter((p) => !p.label).map((p) => p.finding);
  const tpLabels = repo.labels.filter((l) => l.verdict === 'TP');
  const missed = tpLabels.filter((l) => !used.has(l));
  const falsePositives = fpFound.length + quietViolations.length;
  return {
    name: repo.name,
    repo: repo.repo,
    commit: repo.commit,
    style: repo.style,
    findings: diagnostics.length,
    judged: tpFound.length + falsePositives,
    unjudged: unjudged.length,
    tpFound: tpFound.length,
    fpFound: fpFound.length,
    quietViolations: quietViolations.length,
    tpLabels: tpLabels.length,
    tpLabelsFound: tpLabels.length - missed.length,
    precision: ratio(tpFound.length, tpFound.length + falsePositives),
    recall: ratio(tpLabels.length - missed.length, tpLabels.length),
    unjudgedFindings: unjudged.map((d) => ({ file: d.file, line: d.line, rule: d.rule, message: d.message })),
    quietViolationList: quietViolations.map(({ finding, label }) => ({ file: finding.file, line: finding.line, rule: finding.rule, reason: label.reason })),
    falsePositiveList: fpFound.map(({ finding, label }) => ({ file: finding.file, line: finding.line, rule: finding.rule, reason: label.reason })),
    missedList: missed.map((l) => ({ file: l.file, line: l.line, rule: l.rule, reason: l.reason })),
  };
}

// Code and messages from a fetched repository reach the terminal: control characters are shown
// escaped, never sent.
function clean(text) {
  return String(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function pct(x) {
  return x === null ? '  n/a' : `${(x * 100).toFixed(1).padStart(5)}%`;
}

function printText(report, details) {
  const out = [];
  for (const s of report.skipped) out.push(`skipped ${clean(s.name)}: ${clean(s.reason)}`);
  for (const e of report.errors) out.push(`error: ${clean(e)}`);
  for (const w of report.warnings) out.push(`warning: ${clean(w)}`);
  for (const r of report.repos) {
    out.push('', `== ${r.name} (${r.repo}@${r.commit.slice(0, 12)}, ${r.style})`);
    out.push(`findings ${r.findings}, judged ${r.judged}, unjudged ${r.unjudged}; TP found ${r.tpFound}, FP found ${r.fpFound}, QUIET violations ${r.quietViolations}`);
    out.push(`precision ${pct(r.precision)}   recall ${pct(r.recall)} (${r.tpLabelsFound}/${r.tpLabels} TP labels found)`);
    const list = (title, items, fmt) => {
      if (items.length === 0) return;
      out.push(`${title} (${items.length}):`);
      for (const i of items) out.push(`  ${clean(fmt(i))}`);
    };
    list('unjudged', r.unjudgedFindings, (d) => `${d.file}:${d.line} ${d.rule} ${d.message}`);
    list('QUIET violations', r.quietViolationList, (d) => `${d.file}:${d.line} ${d.rule} (${d.reason})`);
    if (details) {
      list('false positives', r.falsePositiveList, (d) => `${d.file}:${d.line} ${d.rule} (${d.reason})`);
      list('missed', r.missedList, (d) => `${d.file}:${d.line} ${d.rule} (${d.reason})`);
    }
  }
  const t = report.total;
  out.push('', `== overall (${report.repos.length} repositories)`);
  out.push(`findings ${t.findings}, judged ${t.judged}, unjudged ${t.unjudged}; TP found ${t.tpFound}, FP found ${t.fpFound}, QUIET violations ${t.quietViolations}`);
  out.push(`precision ${pct(t.precision)}   recall ${pct(t.recall)} (${t.tpLabelsFound}/${t.tpLabels} TP labels found)`);
  process.stdout.write(out.join('\n') + '\n');
}

function totalOf(repos) {
  const sum = (k) => repos.reduce((n, r) => n + r[k], 0);
  const t = {};
  for (const k of ['findings', 'judged', 'unjudged', 'tpFound', 'fpFound', 'quietViolations', 'tpLabels', 'tpLabelsFound']) t[k] = sum(k);
  t.precision = ratio(t.tpFound, t.tpFound + t.fpFound + t.quietViolations);
  t.recall = ratio(t.tpLabelsFound, t.tpLabels);
  return t;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const report = { repos: [], skipped: [], errors: [], warnings: [] };
  if (!fs.existsSync(CLI)) report.errors.push(`${path.relative(process.cwd(), CLI)} is missing: run \`npm run build\` first`);
  const files = fs.existsSync(LABELS_DIR) ? fs.readdirSync(LABELS_DIR).filter((f) => f.endsWith('.json')).sort() : [];
  const wanted = new Set(args.repos);
  const found = new Set();
  for (const f of files) {
    const loaded = loadLabelFile(path.join(LABELS_DIR, f));
    if (loaded.error) {
      report.errors.push(loaded.error);
      continue;
    }
    const repo = loaded.repo;
    if (wanted.size > 0 && !wanted.has(repo.name)) continue;
    found.add(repo.name);
    for (const w of loaded.warnings) report.warnings.push(`${repo.where}: ${w}`);
    if (!fs.existsSync(CLI)) {
      report.skipped.push({ name: repo.name, reason: 'the CLI is not built' });
      continue;
    }
    const tree = path.join(TREES_DIR, repo.name);
    if (!fs.existsSync(tree)) {
      fs.mkdirSync(TREES_DIR, { recursive: true });
      // `archivePaths` names what to extract when the mirror lacks some blobs (the rest is not needed).
      const extracted = await extractFromMirror(mirrorGitDir(repo.repo), repo.commit, tree, Array.isArray(repo.archivePaths) ? repo.archivePaths : []);
      if (!extracted.ok) {
        report.skipped.push({ name: repo.name, reason: `no tree at ${tree}, and ${extracted.reason}` });
        continue;
      }
      if (extracted.missing > 0) report.warnings.push(`${repo.where}: the mirror lacks ${extracted.missing} blob(s) of ${repo.repo}@${repo.commit.slice(0, 12)}; the tree has every other file`);
    }
    // What the project's own first start writes before anyone works in it (NodeBB copies
    // install/package.json to its gitignored package.json): done once, as a user's checkout has it.
    for (const [from, to] of Array.isArray(repo.setupCopies) ? repo.setupCopies : []) {
      const [src, dst] = [inside(tree, String(from)), inside(tree, String(to))];
      if (!src || !dst) report.errors.push(`${repo.where}: "setupCopies" must stay inside the tree`);
      else if (!fs.existsSync(dst) && fs.existsSync(src)) fs.copyFileSync(src, dst);
    }
    const serviceDir = inside(tree, repo.service);
    const badPath = repo.paths.find((p) => !inside(serviceDir ?? tree, p));
    if (!serviceDir || badPath !== undefined) {
      report.errors.push(`${repo.where}: "service" and "paths" must stay inside the tree`);
      continue;
    }
    const roots = repo.paths.map((p) => inside(serviceDir, p));
    for (const l of repo.labels) {
      const abs = inside(serviceDir, l.file);
      if (!abs || !fs.existsSync(abs)) report.warnings.push(`${repo.where}: label #${l.index + 1} names a file not in the tree: ${l.file}`);
      else if (!roots.some((r) => abs === r || abs.startsWith(r + path.sep))) report.warnings.push(`${repo.where}: label #${l.index + 1} is outside "paths", the CLI never sees it: ${l.file}`);
    }
    const checked = runCheck(serviceDir, repo.paths);
    if (checked.error) {
      report.errors.push(`${repo.name}: ${checked.error}`);
      continue;
    }
    for (const w of repeatedLabels(repo.labels, checked.diagnostics)) report.warnings.push(`${repo.where}: ${w}`);
    report.repos.push(scoreRepo(repo, checked.diagnostics, serviceDir));
  }
  for (const name of wanted) if (!found.has(name)) report.skipped.push({ name, reason: 'no label file has this name' });
  report.total = totalOf(report.repos);
  if (args.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else printText(report, args.details);
  return 0;
}

process.exitCode = await main();
