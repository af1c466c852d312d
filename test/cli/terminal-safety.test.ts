// Text from logs and workspaces never reaches the terminal as control characters: the built CLI
// (`tail` pretty output, `check` text output, their messages on stderr) run on files that carry every
// kind of control sequence, raw and JSON-escaped.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, makeWorkspace, PINO_SERVICE, removeWorkspaces, runCliBytes } from './helpers';

const ESC = '\x1b';
const BEL = '\x07';

/** Every byte a terminal would act on: C0 controls but newline and tab, DEL, and (decoded) C1 controls and bidi overrides. */
function unsafeIn(out: Buffer): string[] {
  const found: string[] = [];
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if ((c < 0x20 && c !== 0x0a && c !== 0x09) || c === 0x7f) found.push(`byte 0x${c.toString(16)} at ${i}`);
  }
  for (const m of out.toString('utf8').matchAll(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g)) found.push(`U+${m[0].charCodeAt(0).toString(16)} at ${m.index}`);
  return found;
}

/** The output with the tool's own colours (SGR sequences) taken out. */
function withoutColours(out: Buffer): Buffer {
  return Buffer.from(out.toString('latin1').replace(/\x1b\[[0-9;]*m/g, ''), 'latin1');
}

/**
 * Runs the CLI three ways: piped (no colour), FORCE_COLOR, and FORCE_COLOR with NO_COLOR. The piped
 * output must hold no control character; NO_COLOR must win over FORCE_COLOR; and the coloured output
 * must be the piped one plus colours (a control sequence from the data that got through would be
 * missing from it or extra in it).
 */
function runThreeWays(args: string[], cwd: string): { plain: Buffer; stderr: string; code: number | null } {
  const plain = runCliBytes(args, cwd);
  assert.deepEqual(unsafeIn(plain.stdout), [], plain.stdout.toString('utf8'));
  const coloured = runCliBytes(args, cwd, { FORCE_COLOR: '1' });
  assert.ok(coloured.stdout.includes(ESC + '['), 'FORCE_COLOR colours the output');
  assert.equal(withoutColours(coloured.stdout).toString('latin1'), plain.stdout.toString('latin1'));
  const noColour = runCliBytes(args, cwd, { FORCE_COLOR: '1', NO_COLOR: '1' });
  assert.equal(noColour.stdout.toString('latin1'), plain.stdout.toString('latin1'), 'NO_COLOR wins over FORCE_COLOR');
  return { plain: plain.stdout, stderr: plain.stderr, code: plain.code };
}

describe('terminal safety: log and workspace text is printed escaped', function () {
  this.timeout(120_000);
  before(() => buildOnce());
  after(() => removeWorkspaces());

  const JSON_RECORD = JSON.stringify({
    level: 50,
    time: 1700000000000,
    reqId: `r${ESC}[2J\u009b`,
    msg: `title ${ESC}]0;owned${BEL} link ${ESC}]8;;http://evil.example${BEL}click${ESC}]8;;${BEL} csi \u009b31m bidi \u202e\u2066 nul \u0000 del \u007f cr \r end`,
    [`k${ESC}[31mey`]: `clip ${ESC}]52;c;aGk=${BEL}`,
    [`bare${BEL}`]: `v${ESC}[5m`,
    nested: { [`n${ESC}k`]: '\u009b' },
    err: { message: `boom${ESC}[1m`, stack: `Error: boom${ESC}[1m\n    at evil (${ESC}]0;t${BEL})` },
  });
  const LOG = Buffer.concat([
    // Plain text with the raw bytes (C1 CSI as its UTF-8 encoding, U+202E as its own).
    Buffer.from(`plain ${ESC}]0;owned${BEL} ${ESC}[2J nul \u0000 del \u007f c1 \u009b31m bidi \u202e cr \r end\n`, 'utf8'),
    Buffer.from(JSON_RECORD + '\n', 'utf8'),
    // A stack line after the record: a continuation line, with raw escapes.
    Buffer.from(`    at handler (${ESC}[31mred${ESC}[0m \u009b \u2067)\n`, 'utf8'),
    Buffer.from(`level=info msg="logfmt ${ESC}[2J" k=v${BEL}\n`, 'utf8'),
  ]);

  it('tail (pretty): control characters from messages, request IDs, field names and values, stacks, continuation lines and file names are escaped; colour only the tool\'s own', () => {
    const dir = makeWorkspace({});
    fs.writeFileSync(path.join(dir, 'app.log'), LOG);
    // A second file, named with an escape sequence: each line is labelled with its file.
    fs.writeFileSync(path.join(dir, `x${ESC}]0;name${BEL}.log`), JSON_RECORD + '\n');
    const { plain, code, stderr } = runThreeWays(['tail', '*.log'], dir);
    assert.equal(code, 0, stderr);
    const text = plain.toString('utf8');
    // Shown, escaped, not dropped.
    for (const shown of [
      'plain \\x1b]0;owned\\x07 \\x1b[2J nul \\x00 del \\x7f c1 \\x9b31m bidi \\u202e cr \\x0d end',
      '[r\\x1b[2J\\x9b]',
      'title \\x1b]0;owned\\x07 link \\x1b]8;;http://evil.example\\x07click\\x1b]8;;\\x07 csi \\x9b31m bidi \\u202e\\u2066 nul \\x00 del \\x7f cr \\x0d end',
      'k\\x1b[31mey="clip \\x1b]52;c;aGk=\\x07"',
      'bare\\x07=v\\x1b[5m',
      'nested={"n\\x1bk":"\\x9b"}',
      'err=boom\\x1b[1m',
      '    Error: boom\\x1b[1m\n    at evil (\\x1b]0;t\\x07)\n',
      '    at handler (\\x1b[31mred\\x1b[0m \\x9b \\u2067)\n',
      'logfmt \\x1b[2J',
      'x\\x1b]0;name\\x07.log',
    ]) {
      assert.ok(text.includes(shown), `missing ${JSON.stringify(shown)} in:\n${text}`);
    }
  });

  it('tail: a file name with control characters is escaped in messages on stderr', () => {
    const dir = makeWorkspace({});
    const r = runCliBytes(['tail', `gone${ESC}]0;t${BEL}.log`], dir);
    assert.equal(r.code, 2);
    assert.deepEqual(unsafeIn(Buffer.from(r.stderr)), [], r.stderr);
    assert.match(r.stderr, /gone\\x1b\]0;t\\x07\.log: no such file/);
  });

  it('check (text): a file name and messages with control characters are escaped; colour only the tool\'s own', () => {
    const name = `src/a${ESC}]0;owned${BEL}b${ESC}[2J.ts`;
    const root = makeWorkspace({ 'package.json': PINO_SERVICE['package.json'], [name]: PINO_SERVICE['src/orders.ts'] });
    const { plain, code, stderr } = runThreeWays(['check'], root);
    assert.equal(code, 1, stderr);
    const text = plain.toString('utf8');
    assert.ok(text.includes('src/a\\x1b]0;owned\\x07b\\x1b[2J.ts\n'), text);
    assert.match(text, /console-logging/);
  });
});
