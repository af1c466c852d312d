// Which of a config file's problems the log panel shows: those of its `tail` section, and a file that
// cannot be read or parsed (the analysis reports the rest). No vscode import: tests run it bare.
import { CONFIG_FILE_NAME } from '../../../shared/src/settings';

/** `errors` as loadConfigFile gives them: `obs-lens.config.json: …` or, for a value in it, `obs-lens.config.json:6:25: …`. */
export function tailConfigProblems(errors: readonly string[]): string[] {
  const message = (e: string) => (e.startsWith(CONFIG_FILE_NAME) ? e.slice(CONFIG_FILE_NAME.length).replace(/^(?::\d+:\d+)?: /, '') : e);
  return errors.filter((e) => /^(tail\b|not valid JSON|cannot read|settings must be)/.test(message(e)));
}
