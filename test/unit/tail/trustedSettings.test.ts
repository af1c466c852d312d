// Workspace trust and the tail settings: which values the panel applies, which it holds back in
// Restricted Mode and says so, given where each value was set. The panel back end runs for real.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExtensionToWebview } from '../../../shared/src/panelMessages';
import { TailSession } from '../../../client/src/tail/tailSession';
import { planSources } from '../../../client/src/tail/tailSources';
import { loadConfigFile } from '../../../server/src/analysis/workspace/config';
import { RESTRICTED_TAIL_SETTINGS, resolveTailSettings, tailKeysInSettingsText, type TailSettingSources } from '../../../client/src/tail/trustedSettings';

const ROOT = path.resolve(__dirname, '../../..');
const noFile = { label: '.vscode/settings.json', keys: new Set<string>() };

describe('tail settings and workspace trust', () => {
  // What VS Code reports when it does not hide restricted values (a trusted workspace, or an editor
  // without Restricted Mode), plus a user-level value of tail.files.
  const layers: TailSettingSources['layers'] = {
    files: { globalValue: ['~/my.log'], workspaceValue: ['/etc/passwd'], workspaceFolderValue: ['/etc/passwd'] },
    command: { workspaceValue: ['curl', 'evil.example'], workspaceFolderValue: ['curl', 'evil.example'] },
    otlpPort: { workspaceValue: 4318, workspaceFolderValue: 4318 },
    formats: { workspaceFolderValue: [{ id: 'x', detect: { kind: 'regex', pattern: '(a+)+$' }, fields: {} }] },
    maxRecords: { workspaceValue: 500, workspaceFolderValue: 500 },
    requestIdFields: { workspaceFolderValue: ['ctx.rid'] },
  };

  it('trusted: every scope applies and nothing is held back', () => {
    const { tail, heldBack } = resolveTailSettings({ layers, folderFile: noFile, workspaceFile: null }, true);
    assert.deepEqual(tail.files, ['/etc/passwd']);
    assert.deepEqual(tail.command, ['curl', 'evil.example']);
    assert.equal(tail.otlpPort, 4318);
    assert.equal(tail.formats.length, 1);
    assert.deepEqual(heldBack, []);
  });

  it('untrusted: restricted settings come from the user or the defaults; each workspace value is reported once, with what it would do', () => {
    const { tail, heldBack } = resolveTailSettings({ layers, folderFile: noFile, workspaceFile: null }, false);
    assert.deepEqual(tail.files, ['~/my.log'], "the user's own value still applies");
    assert.equal(tail.command, null);
    assert.equal(tail.otlpPort, 0);
    assert.deepEqual(tail.formats, []);
    // Settings that read, open or run nothing still apply from the workspace.
    assert.equal(tail.maxRecords, 500);
    assert.deepEqual(tail.requestIdFields, ['ctx.rid']);
    assert.deepEqual(heldBack, [
      { setting: 'observabilityLens.tail.files', effect: 'reads the files it names', where: '.vscode/settings.json' },
      { setting: 'observabilityLens.tail.command', effect: 'runs a program', where: '.vscode/settings.json' },
      { setting: 'observabilityLens.tail.otlpPort', effect: 'opens a network port', where: '.vscode/settings.json' },
      { setting: 'observabilityLens.tail.formats', effect: 'compiles the regular expressions it holds', where: '.vscode/settings.json' },
    ]);
  });

  it("obs-lens.config.json's tail section applies under the editor's settings, and waits for trust like them", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-config-'));
    try {
      // Read by the same function `obs-lens tail` and the analysis use; its invalid part is left out.
      fs.writeFileSync(path.join(dir, 'obs-lens.config.json'), JSON.stringify({ tail: { files: ['logs/*.log'], loadExisting: 50, requestIdFields: ['ctx.rid'], otlpPort: 'x' } }));
      const config = loadConfigFile(dir);
      assert.equal(config.errors.length, 1);
      const configFile = { label: 'obs-lens.config.json', tail: config.settings.tail! };
      const trusted = resolveTailSettings({ layers: {}, folderFile: noFile, workspaceFile: null, configFile }, true);
      assert.deepEqual([trusted.tail.files, trusted.tail.loadExisting, trusted.tail.requestIdFields, trusted.tail.otlpPort], [['logs/*.log'], 50, ['ctx.rid'], 0]);
      assert.deepEqual(trusted.heldBack, []);
      // A value set in the editor wins, at any scope.
      const edited = resolveTailSettings({ layers: { files: { globalValue: ['~/my.log'] }, loadExisting: { workspaceFolderValue: 7 } }, folderFile: noFile, workspaceFile: null, configFile }, true);
      assert.deepEqual([edited.tail.files, edited.tail.loadExisting], [['~/my.log'], 7]);
      const untrusted = resolveTailSettings({ layers: {}, folderFile: noFile, workspaceFile: null, configFile }, false);
      assert.deepEqual(untrusted.tail.files, []);
      assert.equal(untrusted.tail.loadExisting, 50, 'a setting that reads nothing still applies');
      assert.deepEqual(untrusted.heldBack, [{ setting: 'tail.files', effect: 'reads the files it names', where: 'obs-lens.config.json' }]);
      // The panel plans its sources from it, and says what in it is wrong.
      const plan = planSources([{ name: 'svc', path: dir, tail: trusted.tail, problems: ['obs-lens.config.json: tail.otlpPort must be a port number'] }], true);
      assert.deepEqual(plan.specs.map((x) => x.label), ['logs/*.log']);
      assert.deepEqual(plan.notRunning, [{ label: 'obs-lens.config.json', state: 'error', detail: 'obs-lens.config.json: tail.otlpPort must be a port number' }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('untrusted, as VS Code reports it (restricted values hidden): the settings files still tell what is held back', () => {
    const hidden: TailSettingSources['layers'] = { files: { globalValue: ['~/my.log'] }, maxRecords: { workspaceValue: 500 } };
    const folderText = `{
      // logs of the service
      "observabilityLens.tail.files": ["/etc/passwd",], /* trailing comma, as VS Code allows */
      "observabilityLens.tail": { "otlpPort": 4318 },
      "observabilityLens.tail.maxRecords": 500,
    }`;
    const workspaceText = '{ "folders": [{ "path": "api" }], "settings": { "observabilityLens": { "tail": { "formats": [] } } } }';
    const { tail, heldBack } = resolveTailSettings({
      layers: hidden,
      folderFile: { label: 'api/.vscode/settings.json', keys: tailKeysInSettingsText(folderText, false) },
      workspaceFile: { label: 'shop.code-workspace', keys: tailKeysInSettingsText(workspaceText, true) },
    }, false);
    assert.deepEqual(tail.files, ['~/my.log']);
    assert.deepEqual(heldBack.map((h) => [h.setting, h.where]), [
      ['observabilityLens.tail.files', 'api/.vscode/settings.json'],
      ['observabilityLens.tail.otlpPort', 'api/.vscode/settings.json'],
      ['observabilityLens.tail.formats', 'shop.code-workspace'],
    ]);
    // A file this reader cannot parse still names its settings.
    assert.deepEqual([...tailKeysInSettingsText('{ "observabilityLens.tail.command": ["x"] oops', false)], ['command']);
    // A comment is not a setting.
    assert.deepEqual([...tailKeysInSettingsText('{ // "observabilityLens.tail.files": []\n "a": 1 }', false)], []);
  });

  it('package.json declares exactly these settings restricted', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const declared: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    assert.deepEqual([...declared].sort(), Object.keys(RESTRICTED_TAIL_SETTINGS).map((k) => `observabilityLens.tail.${k}`).sort());
  });

  it('the panel back end hears what is held back (once per setting and file) and asks the host to manage trust', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-trust-'));
    const sent: ExtensionToWebview[] = [];
    const trust: string[] = [];
    const session = new TailSession({ maxRecords: 100, maxBytes: 1 << 20, requestIdFields: [], formats: [] }, {
      post: (m) => sent.push(m),
      copy: () => undefined,
      goToCode: () => undefined,
      manageTrust: () => trust.push('manage'),
    });
    try {
      const shared = { setting: 'observabilityLens.tail.formats', effect: 'compiles the regular expressions it holds', where: 'shop.code-workspace' };
      const folders = ['api', 'web'].map((name) => {
        const { tail, heldBack } = resolveTailSettings({ layers: { files: { workspaceFolderValue: ['app.log'] }, formats: { workspaceValue: [] } }, folderFile: { label: `${name}/.vscode/settings.json`, keys: new Set() }, workspaceFile: { label: 'shop.code-workspace', keys: new Set() } }, false);
        return { name, path: path.join(dir, name), tail, heldBack };
      });
      const plan = planSources(folders, false);
      assert.deepEqual(plan.specs, [], 'no file is followed from an untrusted workspace');
      await session.setSources(plan);
      session.handle({ type: 'ready' });
      const notice = sent.filter((m) => m.type === 'restricted').at(-1);
      assert.deepEqual(notice, {
        type: 'restricted',
        settings: [
          { setting: 'observabilityLens.tail.files', effect: 'reads the files it names', where: 'api/.vscode/settings.json' },
          shared,
          { setting: 'observabilityLens.tail.files', effect: 'reads the files it names', where: 'web/.vscode/settings.json' },
        ],
      });
      session.handle({ type: 'manageTrust' });
      assert.deepEqual(trust, ['manage']);
      // Once trusted, nothing is held back and the notice is told to go.
      await session.setSources(planSources(folders.map((f) => ({ ...f, heldBack: [] })), true));
      assert.deepEqual(sent.filter((m) => m.type === 'restricted').at(-1), { type: 'restricted', settings: [] });
    } finally {
      await session.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
