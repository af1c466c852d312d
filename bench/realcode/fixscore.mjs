// Scores the safe fixes `obs-lens check --fix` writes into the real repositories against hand
// judgments (fixes/<name>.json): each judged hunk (a file, the lines it removes and the lines it adds)
// is looked for in a fresh run's diff (fixes.mjs writes them). A judged hunk still written keeps its
// verdict; one no longer written is listed as gone (a BAD one gone is what a change to a fix should
// do). Acceptance = OK and OK-STYLE hunks written / judged hunks written.
//
//   node bench/realcode/fixes.mjs /tmp/fixes && node bench/realcode/fixscore.mjs /tmp/fixes [--details]
//   node bench/realcode/fixscore.mjs --add <name> <sample.diff> <verdicts.json>   (turn a review into labels)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const store = path.join(here, 'fixes');

/** A diff's hunks: file, removed lines and added lines (context lines and line numbers left out: they move). */
export function hunksOf(diffText) {
  const out = [];
  let file = null;
  let hunk = null;
  for (const line of diffText.split('\n')) {
    // A file's `---`/`+++` headers come between its `diff` line and its first `@@`, outside any hunk.
    if (line.startsWith('diff ') || line.startsWith('### HUNK ')) hunk = null;
    else if (!hunk && line.startsWith('+++ b/')) file = line.slice(6).split('\t')[0];
    else if (line.startsWith('@@ ') && file) out.push((hunk = { file, minus: [], plus: [] }));
    else if (hunk && line.startsWith('-')) hunk.minus.push(line.slice(1));
    else if (hunk && line.startsWith('+')) hunk.plus.push(line.slice(1));
  }
  return out;
}

const keyOf = (h) => JSON.stringify([h.file, h.minus, h.plus]);

function add(name, sampleFile, verdictsFile) {
  // The review's input: `### HUNK <n> of <repo>: <file>` then the hunk.
  const sample = fs.readFileSync(sampleFile, 'utf8');
  const byNumber = new Map();
  for (const part of sample.split(/^(?=### HUNK )/m)) {
    const m = /^### HUNK (\d+) of \S+: (\S+)\n/.exec(part);
    if (!m) continue;
    const [h] = hunksOf(`+++ b/${m[2]}\n${part.slice(m[0].length)}`);
    if (h) byNumber.set(Number(m[1]), h);
  }
  const verdicts = JSON.parse(fs.readFileSync(verdictsFile, 'utf8')).filter((v) => v.repo === name);
  const labels = verdicts.map((v) => {
    const h = byNumber.get(v.hunk);
    if (!h) throw new Error(`${name}: no hunk ${v.hunk} in ${sampleFile}`);
    return { ...h, verdict: v.verdict, ...(v.category ? { category: v.category } : {}), reason: v.reason };
  });
  // Added to the repository's labels: a hunk judged again keeps the newer verdict.
  fs.mkdirSync(store, { recursive: true });
  const file = path.join(store, `${name}.json`);
  const byKey = new Map((fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : []).map((l) => [keyOf(l), l]));
  for (const l of labels) byKey.set(keyOf(l), l);
  fs.writeFileSync(file, JSON.stringify([...byKey.values()], null, 1) + '\n');
  console.log(`${name}: ${labels.length} judged hunks added to ${path.relative(process.cwd(), file)} (${byKey.size} in all)`);
}

function score(dir, details) {
  const total = { judged: 0, written: 0, ok: 0, style: 0, bad: 0, gone: 0, badGone: 0 };
  const rows = [];
  for (const f of fs.readdirSync(store).filter((n) => n.endsWith('.json')).sort()) {
    const name = f.replace(/\.json$/, '');
    const diffFile = path.join(dir, `${name}.diff`);
    if (!fs.existsSync(diffFile)) {
      rows.push(`${name}: skipped (no ${diffFile})`);
      continue;
    }
    const written = new Set(hunksOf(fs.readFileSync(diffFile, 'utf8')).map(keyOf));
    const labels = JSON.parse(fs.readFileSync(path.join(store, f), 'utf8'));
    const r = { judged: labels.length, written: 0, ok: 0, style: 0, bad: 0, gone: 0, badGone: 0 };
    const shown = [];
    for (const l of labels) {
      if (!written.has(keyOf(l))) {
        r.gone++;
        if (l.verdict === 'BAD') r.badGone++;
        if (details) shown.push(`  gone (${l.verdict}) ${l.file}: ${l.reason}`);
        continue;
      }
      r.written++;
      if (l.verdict === 'OK') r.ok++;
      else if (l.verdict === 'OK-STYLE') r.style++;
      else {
        r.bad++;
        if (details) shown.push(`  BAD ${l.category} ${l.file}: ${l.reason}\n    - ${l.minus.join('\n    - ')}\n    + ${l.plus.join('\n    + ')}`);
      }
    }
    for (const k of Object.keys(total)) total[k] += r[k];
    const acceptance = r.written ? ((r.ok + r.style) / r.written).toFixed(3) : '-';
    rows.push(`${name}: ${r.judged} judged, ${r.written} still written (OK ${r.ok}, OK-STYLE ${r.style}, BAD ${r.bad}), acceptance ${acceptance}; gone ${r.gone} (BAD ${r.badGone})`, ...shown);
  }
  for (const row of rows) console.log(row);
  const acceptance = total.written ? ((total.ok + total.style) / total.written).toFixed(3) : '-';
  console.log(`all: ${total.judged} judged hunks, ${total.written} still written: OK ${total.ok}, OK-STYLE ${total.style}, BAD ${total.bad}; acceptance ${acceptance}; gone ${total.gone} (BAD ${total.badGone})`);
}

const args = process.argv.slice(2);
// Run as a script only: other scripts import hunksOf.
if (import.meta.url !== pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  // imported
} else if (args[0] === '--add' && args.length === 4) add(args[1], args[2], args[3]);
else if (args[0] && !args[0].startsWith('--')) score(args[0], args.includes('--details'));
else {
  console.error('usage: node bench/realcode/fixscore.mjs <fixes-dir> [--details] | --add <name> <sample.diff> <verdicts.json>');
  process.exit(2);
}
