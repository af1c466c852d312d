// The log panel shows the problems of the config file's tail section (and a file it cannot read or
// parse), located or not, and leaves the rest to the analysis.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tailConfigProblems } from '../../../client/src/tail/tailConfigProblems';
import { loadConfigFile } from '../../../server/src/analysis/workspace/config';

describe('log panel: config problems it shows', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-tailproblems-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const problemsOf = (text: string) => {
    fs.writeFileSync(path.join(dir, 'obs-lens.config.json'), text);
    return tailConfigProblems(loadConfigFile(dir).errors);
  };

  it('keeps the tail section\'s problems, with their line and column, and drops the others', () => {
    assert.deepEqual(problemsOf('{\n  "rules": { "console-loging": "off" },\n  "tail": { "otlpPort": 70000 }\n}\n'), [
      'obs-lens.config.json:3:25: tail.otlpPort must be a port number from 0 to 65535 (0 turns the receiver off), not 70000',
    ]);
  });

  it('keeps a file that is not JSON or not an object', () => {
    assert.match(problemsOf('{ "tail": ')[0], /^obs-lens\.config\.json: not valid JSON/);
    assert.deepEqual(problemsOf('[1]'), ['obs-lens.config.json:1:1: settings must be a JSON object, not an array']);
  });
});
