// Inclusive time per function of a CPU profile (bench/prof/cpuprofile.ts writes one; so does
// `node --cpu-prof`): each sample counted once for every distinct function on its stack, so a
// function's figure includes what it calls. An optional regular expression keeps matching rows.
//
//   node bench/prof/inclusive.mjs /tmp/pass.cpuprofile [engine-bundle] (TOP=60)
import fs from 'node:fs';
const p = JSON.parse(fs.readFileSync(process.argv[2] ?? '/tmp/pass.cpuprofile', 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = p.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
const incl = new Map();
const key = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
for (const n of p.nodes) {
  if (!n.hitCount) continue;
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) {
    const k = key(byId.get(id));
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + n.hitCount);
  }
}
const wall = (p.endTime - p.startTime) / 1000;
const filt = process.argv[3] ? new RegExp(process.argv[3]) : null;
for (const [k, v] of [...incl].filter(([k]) => !filt || filt.test(k)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 60))) console.log(((v / total) * wall).toFixed(0).padStart(6), k);
