// What the analysis benchmark times, bundled as the product bundles it (see analysis.bench.ts). The
// bundle is also the script of the engine's analysis workers (server/src/analysis/parallel/pool.ts).
import { startIfAnalysisWorker } from '../../server/src/analysis/parallel/worker';

startIfAnalysisWorker();

export { analyzeFile, createProjectModel, noteFile, resolveSeverities } from '../../server/src/analysis';
export { analyzeWorkspace } from '../../server/src/analysis/workspace/analyzeWorkspace';
