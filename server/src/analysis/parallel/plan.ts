// The inputs of a parallel run from what a pass has at hand: the texts its project models were
// made of, the models, and the files to analyse. Files whose trees the service phase reads
// (keepsTree) go to the front of the task list, where the main thread claims: the phase runs there.
import type { AnalyzeOptions } from '../analyze';
import type { ModelSetup, TaskSetup } from './protocol';
import type { RunInputs } from './parallelRun';

export interface PlannedFile {
  path: string;
  /** The model it is analysed against (an index into the models given). */
  model: number;
  options: AnalyzeOptions;
  /** Its tree is kept for the service phase: the main thread should analyse it. */
  keepsTree: boolean;
}

export interface Plan {
  inputs: RunInputs;
  /** The files in task order (task i is order[i]). */
  order: PlannedFile[];
  /** How many tasks at the front keep their trees (ParallelRun.mainShare). */
  treeTasks: number;
}

/**
 * `texts`: every text the models were made of or may read ([absolute path, text]; each planned
 * file's among them). `models`: each model's root and the texts noted into it, in noting order.
 */
export function planRun(texts: Array<[string, string]>, models: ModelSetup[], files: readonly PlannedFile[], timeBudgetMs?: number): Plan {
  const textIndex = new Map<string, number>();
  texts.forEach(([p], i) => textIndex.set(p, i));
  const optionsIndex = new Map<AnalyzeOptions, number>();
  const options: AnalyzeOptions[] = [];
  const trees = files.filter((f) => f.keepsTree);
  const order = [...trees, ...files.filter((f) => !f.keepsTree)];
  const tasks: TaskSetup[] = order.map((f) => {
    const text = textIndex.get(f.path);
    if (text === undefined) throw new Error(`no text for ${f.path}`);
    let o = optionsIndex.get(f.options);
    if (o === undefined) {
      // keepTree stays behind: trees are made and kept on the thread that parses.
      const { keepTree: _kept, ...plain } = f.options;
      optionsIndex.set(f.options, (o = options.push(plain) - 1));
    }
    return { text, model: f.model, options: o };
  });
  return { inputs: { texts, models, options, tasks, timeBudgetMs }, order, treeTasks: trees.length };
}
