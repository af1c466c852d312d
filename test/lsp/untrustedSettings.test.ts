// A loggerModule value from the workspace (obs-lens.config.json or the editor's settings) that is
// not a module specifier never reaches a quick fix or fix-all on save: it is a configuration error,
// and the fixes import the logger the project really has.
import { strict as assert } from 'node:assert';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { FIX_ALL_KIND } from '../../shared/src/rules';
import { CONFIG_FILE_NAME } from '../../shared/src/settings';
import { LspTestClient } from '../support/lspClient';
import { makeWorkspace, WHOLE_DOCUMENT, type Workspace } from './fixtures';

const PAYLOAD = "./logger'); require('child_process').exec('x'); ('";
const APP = `function handle(id) {\n  console.log('handled', id);\n}\nmodule.exports = { handle };\n`;

/** Every text the actions would write (quick fixes send `changes`, fix-all versioned `documentChanges`). */
const writtenBy = (actions: CodeAction[]) =>
  actions.flatMap((a) => [
    ...Object.values(a.edit?.changes ?? {}).flat(),
    ...(a.edit?.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits : [])),
  ]).map((e) => e.newText);

describe('LSP: loggerModule from the workspace stays data', function () {
  let ws: Workspace | undefined;
  let client: LspTestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    ws?.remove();
  });

  for (const source of [CONFIG_FILE_NAME, 'editor settings']) {
    it(`a loggerModule with code in it (${source}) is reported and never written by a quick fix or fix-all`, async () => {
      const inFile = source === CONFIG_FILE_NAME;
      ws = makeWorkspace({ 'src/app.js': APP, ...(inFile ? { [CONFIG_FILE_NAME]: JSON.stringify({ loggerModule: PAYLOAD }) } : {}) });
      client = await LspTestClient.start({ folders: [ws.root], settings: () => (inFile ? {} : { loggerModule: PAYLOAD }) });
      const uri = ws.uri('src/app.js');
      await client.open(uri, APP, 'javascript');
      // The workspace scan teaches the server the project's own logger module (src/logger.ts); an
      // edit then re-validates the document with it.
      await client.waitFor('the workspace scan', () => client!.statuses.some((s) => s.state === 'idle' && s.filesTotal > 0));
      await client.change(uri, APP);
      const [finding] = await client.waitForCurrent(uri, (d) => d.some((x) => x.code === 'console-logging'));

      const quickFixes = await client.codeActions(uri, finding.range, undefined, [finding]);
      const fixAll = await client.codeActions(uri, WHOLE_DOCUMENT, [FIX_ALL_KIND], []);
      const written = writtenBy([...quickFixes, ...fixAll]);
      assert.ok(fixAll.length === 1, 'fix-all is still offered, with the logger the project has');
      for (const text of written) assert.ok(!text.includes('child_process'), `a fix writes the setting's code: ${text}`);
      assert.ok(written.some((t) => t.includes(`const { logger } = require('./logger');`)), written.join('\n---\n'));
      await client.waitFor('a loggerModule configuration error', () => client!.messages.some((m) => /loggerModule must be a module specifier/.test(m.message)));
    });
  }
});
