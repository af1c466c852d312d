import * as path from 'node:path';
import { explainRole } from '../server/src/analysis';
import { analyzeWorkspace } from '../server/src/analysis/workspace/analyzeWorkspace';
import { mergeSettings } from '../server/src/analysis/workspace/config';
it('roles', async function () {
  this.timeout(120000);
  const root = '/work/realcode/speckle-server/packages/server';
  const { project } = await analyzeWorkspace(root, { settings: mergeSettings() });
  for (const f of ['modules/cross-server-sync/services/commit.ts', 'modules/auth/strategies/google.ts', 'modules/core/migrations/20240710154658_user_emails_backfill.ts', 'modules/automate/services/functionManagement.ts']) {
    const v = explainRole(project, path.join(root, f));
    console.log('ROLE', f, v.role, v.why);
  }
});
