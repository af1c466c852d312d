// Where one workspace pass's time goes, phase by phase, on one thread, in one process: reading,
// noting every file in the project model, analysing the files (by folder: the benchmark workspace's
// routes/, services/, jobs/, repositories/), and the service phase; each round twice, keeping the
// route files' trees for the phase (as a pass does) and not (the phase then parses what it reads),
// because holding trees between the phases is what the collector pays for.
//
//   node -r ./test/support/register.js bench/prof/phases.ts      (ROUNDS=6 WS=<folder>)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import { loadBundled } from '../bundle';
import { generateWorkspace } from '../analysis/generate';

type Engine = typeof import('./phasesEntry');
const { discoverFiles, createProjectModel, noteFile, analyzeFile, resolveSeverities, runServicePhase, ParsedFiles } = loadBundled<Engine>(path.join(__dirname, 'phasesEntry.ts'), 'phases-bundle', ['typescript']);

const readOrUndefined = (f: string): string | undefined => { try { return fs.readFileSync(f, 'utf8'); } catch { return undefined; } };
(async () => {
  const root = process.env.WS ?? path.join(os.tmpdir(), 'obs-lens-bench-analysis', 'workspace');
  if (!fs.existsSync(root)) generateWorkspace(root, Number(process.env.FILES ?? 2000));
  const files = (await discoverFiles(root, { ignore: [] })).sort();
  const texts = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')] as const));
  const severities = resolveSeverities(DEFAULT_SETTINGS.rules);
  const pass = (keep: boolean): string => {
    let t = performance.now();
    const project = createProjectModel(root, { loggerModule: null, readFile: (f) => texts.get(f) ?? readOrUndefined(f) });
    for (const f of files) noteFile(project, f, texts.get(f)!);
    const note = performance.now() - t;
    const trees = keep ? new ParsedFiles() : undefined;
    const byFolder = new Map<string, number>();
    t = performance.now();
    for (const f of files) {
      const start = performance.now();
      analyzeFile(f, texts.get(f)!, project, { severities, keepTree: trees });
      const folder = path.basename(path.dirname(f));
      byFolder.set(folder, (byFolder.get(folder) ?? 0) + performance.now() - start);
    }
    const analyse = performance.now() - t;
    t = performance.now();
    runServicePhase(project, files, { severitiesFor: () => severities, trees });
    const phase = performance.now() - t;
    const folders = [...byFolder].filter(([, ms]) => ms >= 1).map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ');
    return `${keep ? 'trees kept' : 'no trees  '}: note ${note.toFixed(0)} | files ${analyse.toFixed(0)} (${folders}) | phase ${phase.toFixed(0)} | total ${(note + analyse + phase).toFixed(0)} ms`;
  };
  for (let round = 0; round < Number(process.env.ROUNDS ?? 6); round++) {
    for (const keep of round % 2 ? [true, false] : [false, true]) console.log(pass(keep));
  }
})();
