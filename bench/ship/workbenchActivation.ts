// Activation time in a real VS Code workbench: the packaged .vsix installed into code-server and
// opened in headless Chromium (the workbench suite's harness, test/workbench), on a folder that
// activates the extension at start-up. The extension logs, in its output channel, the time from
// activate() to the server's answer to `initialize` (client/src/extension.ts); this reads it from
// the channel's log file, which VS Code writes under the user data dir.
import * as fs from 'node:fs';
import { CLIENT_READY_MESSAGE } from '../../shared/src/logEntry';
import type { Workbench } from '../../test/workbench/harness';

const READY = new RegExp(`${CLIENT_READY_MESSAGE} \\{"activationToServerAnswerMs":(\\d+)\\}`);

/** The milliseconds the extension logged, once its output channel's log file holds them. */
function loggedActivation(wb: Workbench): number | undefined {
  for (const file of wb.logFiles(/Observability Lens\.log$/)) {
    const m = READY.exec(fs.readFileSync(file, 'utf8'));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * Activation → first server answer in `rounds` fresh workbenches (each with a new profile), or the
 * reason it could not be measured (no workbench tools on this machine).
 */
export async function workbenchActivationMs(vsix: string, folder: string, rounds: number): Promise<number[] | string> {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only here: playwright-core and the harness are test tools */
  const fixtures = require('../../test/workbench/fixtures') as typeof import('../../test/workbench/fixtures');
  try {
    fixtures.loadToolsEnv();
  } catch (err) {
    return (err as Error).message;
  }
  const { Workbench, waitFor } = require('../../test/workbench/harness') as typeof import('../../test/workbench/harness');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const wb = await Workbench.start({ folder, trusted: true, vsix });
    try {
      times.push(await waitFor('the extension to log its activation time', () => loggedActivation(wb), 90_000, 200));
    } finally {
      await wb.close();
      fs.rmSync(wb.home, { recursive: true, force: true });
    }
  }
  return times;
}
