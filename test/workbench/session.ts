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
  before(async function () {
    current = await Workbench.start(options());
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (current && test?.state === 'failed') {
      process.stderr.write(`\n[workbench] ${test.fullTitle()} failed\n${await current.failureReport(test.fullTitle())}\n`);
    }
  });
  after(async function () {
    await current?.close();
    // Temp dirs go unless OBS_LENS_KEEP_WORKBENCH=1 asks to keep them for a look.
    if (current && process.env.OBS_LENS_KEEP_WORKBENCH !== '1') {
      for (const dir of [current.home, path.dirname(current.folder)]) {
        if (path.basename(dir).startsWith('obs-lens-wb-') && dir.startsWith(os.tmpdir())) fs.rmSync(dir, { recursive: true, force: true });
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
