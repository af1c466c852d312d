// dist/server.js: the language server (server.ts), or, started as one, an analysis worker of it
// (analysis/parallel): the worker runs the same bundle, so it ships no second copy of the engine.
import { startIfAnalysisWorker } from './analysis/parallel/worker';

// eslint-disable-next-line @typescript-eslint/no-require-imports
if (!startIfAnalysisWorker()) require('./server');
