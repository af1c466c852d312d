import * as path from 'node:path';
import { analyzeWorkspace } from '../../server/src/analysis/workspace/analyzeWorkspace';
import { explainRole } from '../../server/src/analysis';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
(async () => {
  const root = process.argv[2];
  const { project } = await analyzeWorkspace(root, { settings: DEFAULT_SETTINGS });
  for (const f of process.argv.slice(3)) console.log(f, explainRole(project, path.join(root, f)));
})();
