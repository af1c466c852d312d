// The analysis engine, loaded on first use. In dist/cli.js the engine and TypeScript (nine tenths of
// the CLI's code) live in dist/engine.js, so a `check --cache` served wholly from the cache never
// loads or compiles them. Built from source (tests, benchmarks) it is the engine's own index.
import type * as Engine from '../index';

/** Set by scripts/build.mjs: true where the engine is a separate bundle next to the running one. */
declare const OBS_LENS_SEPARATE_ENGINE: boolean | undefined;

export type EngineModule = typeof Engine;

let loaded: EngineModule | undefined;

export function engine(): EngineModule {
  if (!loaded) {
    loaded = (typeof OBS_LENS_SEPARATE_ENGINE !== 'undefined' && OBS_LENS_SEPARATE_ENGINE ? require('./engine.js') : require('../index')) as EngineModule;
  }
  return loaded;
}

/** Whether this process has loaded the engine (for `check --debug-cache`). */
export function engineLoaded(): boolean {
  return loaded !== undefined;
}
