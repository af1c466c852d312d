// What the analysis benchmark times, bundled as the product bundles it (see analysis.bench.ts).
export { analyzeFile, createProjectModel, noteFile, resolveSeverities } from '../../server/src/analysis';
export { analyzeWorkspace } from '../../server/src/analysis/workspace/analyzeWorkspace';
