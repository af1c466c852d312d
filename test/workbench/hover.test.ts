// In a real, trusted VS Code workbench: hovering a route's registration shows the handler hover
// (method and full path, the request context in front of it, its metrics, its outgoing calls).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { locate, makeProject } from './fixtures';
import { waitFor } from './harness';
import { useWorkbench } from './session';
import * as ui from './ui';

const HOVER = '.monaco-hover:not(.hidden) .hover-contents';

describe('workbench: handler hover (trusted workspace)', function () {
  const folder = makeProject();
  const session = useWorkbench(() => ({ folder, trusted: true }));
  const file = 'src/routes/users.ts';

  it('shows the route, the request context in front and what measures it on the registration', async function () {
    if (!fs.existsSync(path.join(folder, file))) this.skip(); // the stand-in project has no routes
    const { page } = session.wb;
    const at = locate(path.join(folder, file), "usersRouter.get('/:id'");
    await ui.openFile(page, file);
    // The hover answers from the service checks that follow the workspace scan: ask again until they are in.
    const text = await waitFor('the handler hover', async () => {
      await ui.goToPosition(page, at.line, at.column + 14);
      await ui.runCommand(page, 'Show or Focus Hover');
      // The hover shows the line's diagnostics first, then ours: every part's text.
      await page.waitForSelector(HOVER, { state: 'visible', timeout: 5_000 }).catch(() => null);
      const t = (await page.$$eval(HOVER, (parts) => parts.map((p) => p.textContent ?? '').join('\n'))).replace(/\s+/g, ' ');
      return t.includes('Request context in front') ? t : false;
    }, 90_000, 1_000);
    assert.match(text, /GET \/users\/:id/);
    assert.match(text, /pinoHttp\(/);
    assert.match(text, /Metrics: not measured/);
    assert.match(text, /Outgoing calls/);
    await session.wb.screenshot('handler-hover');
  });
});
