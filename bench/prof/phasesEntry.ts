// What bench/prof/phases.ts times, bundled as the product bundles the engine.
export { analyzeFile, createProjectModel, noteFile, resolveSeverities } from '../../server/src/analysis';
export { runServicePhase } from '../../server/src/analysis/services/phase';
export { ParsedFiles } from '../../server/src/analysis/services/parsedFiles';
export { discoverFiles } from '../../server/src/analysis/workspace/discover';
