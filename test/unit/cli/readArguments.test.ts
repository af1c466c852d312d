// Command lines of `check` and `tail`, parsed with node:util's parseArgs under our own messages.
import * as assert from 'node:assert/strict';
import { parseCheckArgs } from '../../../server/src/cli/args';
import { readArguments, UsageError } from '../../../server/src/cli/readArguments';
import { parseTailArgs } from '../../../server/src/cli/tailArgs';

const usage = (fn: () => unknown, message: RegExp) => assert.throws(fn, (err: unknown) => err instanceof UsageError && message.test(err.message));

describe('command-line arguments', () => {
  it('reads options in every spelling, in order, and paths around them', () => {
    const args = parseCheckArgs(['src', '-f', 'json', '--rule=console-logging', '--rule', 'metric-naming,console-logging', '--fix', '-c', 'ci.json', '--', '--odd-name', '-']);
    assert.deepEqual(args.paths, ['src', '--odd-name', '-']);
    assert.equal(args.format, 'json');
    assert.deepEqual(args.rules, ['console-logging', 'metric-naming']);
    assert.equal(args.fix, true);
    assert.equal(args.config, 'ci.json');
    assert.deepEqual(parseCheckArgs([]).paths, ['.']);
  });

  it('names an unknown option with the one meant, a value given to a switch, a missing value', () => {
    usage(() => parseCheckArgs(['--fixx']), /^unknown option --fixx \(did you mean --fix\?\)\. Run obs-lens check --help for the options\.$/);
    usage(() => parseCheckArgs(['-x']), /^unknown option -x\. Run obs-lens check --help/);
    usage(() => parseCheckArgs(['--fix=yes']), /^--fix takes no value$/);
    usage(() => parseCheckArgs(['--format']), /^--format needs a value$/);
    usage(() => parseCheckArgs(['-f', '--fix']), /^--format needs a value$/);
    usage(() => parseCheckArgs(['--format', 'xml']), /^--format must be one of text, json, sarif, not "xml"$/);
    usage(() => parseCheckArgs(['--rule', 'console-loging']), /^--rule console-loging is not a rule \(did you mean console-logging\?\)/);
    usage(() => parseCheckArgs(['--max-file-size', '0']), /^--max-file-size must be a positive number of bytes, not "0"$/);
  });

  it('keeps option values that look like options where the command allows it (a tail query)', () => {
    assert.equal(parseTailArgs(['-q', '-level=info', 'a.log']).query, '-level=info');
    assert.equal(readArguments(['--x', '-'], { command: 't', values: ['--x'], booleans: [], aliases: {} }).options[0].value, '-');
  });

  it('tail: aliases, --lines, and the combinations that contradict each other', () => {
    const args = parseTailArgs(['-f', '-n', '20', '-r', 'abc', 'logs/*.log', '--format=json']);
    assert.deepEqual({ ...args }, { sources: ['logs/*.log'], follow: true, fromEnd: false, lines: 20, config: null, requestId: 'abc', query: null, format: 'json', help: false });
    usage(() => parseTailArgs(['--folow']), /^unknown option --folow \(did you mean --follow\?\)\.$/);
    usage(() => parseTailArgs(['--from-end']), /^--from-end only makes sense with --follow$/);
    usage(() => parseTailArgs(['-f', '--from-start', '--from-end']), /contradict/);
    usage(() => parseTailArgs(['-f', '-n', 'many']), /^--lines needs a number of lines, not "many"$/);
    usage(() => parseTailArgs(['-', '-']), /^stdin \(-\) can be read only once$/);
    assert.equal(parseTailArgs(['--from-end', '-h']).help, true, '--help wins over other mistakes');
  });
});
