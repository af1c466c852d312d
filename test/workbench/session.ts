// Mocha wiring shared by the workbench suites: one workbench per describe block, a screenshot and
// the logs printed for every failed test, and code-server/Chromium always closed afterwards.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Workbench, type WorkbenchOptions } from './harness';

export interface Session {
  /** The running workbench (throws if `before` has not run or failed). */
  readonly wb: Workbench;
}

export function useWorkbench(options: () => WorkbenchOptions): Session {
  let current: Workbench | undefined;
  let folder: string | undefined;
  before(async function () {
    const opts = options();
    folder = opts.folder;
    current = await Workbench.start(opts);
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (current && test?.state === 'failed') {
      process.stderr.write(`\n[workbench] ${test.fullTitle()} failed\n${await current.failureReport(test.fullTitle())}\n`);
    }
  });
  after(async function () {
    await current?.close();
    // Temp dirs go (also when the start failed) unless OBS_LENS_KEEP_WORKBENCH=1 keeps them for a look.
    if (process.env.OBS_LENS_KEEP_WORKBENCH !== '1') {
      for (const dir of [current?.home, folder && path.dirname(folder)]) {
        if (dir && path.basename(dir).startsWith('obs-lens-wb-') && dir.startsWith(os.tmpdir())) fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    current = undefined;
  });
  return {
    get wb(): Workbench {
      if (!current) throw new Error('The workbench did not start (see the before hook error).');
      return current;
    },
  };
}
