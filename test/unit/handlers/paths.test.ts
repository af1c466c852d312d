// Route paths: prefixes joined as frameworks join them, Next.js routes from file paths, and the
// file a package.json start script runs (an inventory entry point).
import * as assert from 'node:assert/strict';
import { startTarget } from '../../../server/src/analysis/handlers/inventory';
import { joinPaths, joinShown, nextRouteOf, reactRouterRouteOf, staticString } from '../../../server/src/analysis/handlers/paths';
import { parseForHandlers } from '../../../server/src/analysis/handlers/workspaceFacts';
import ts from 'typescript';

describe('route paths', () => {
  it('joins prefixes with one slash, without a trailing one; a dynamic part makes the whole path dynamic', () => {
    assert.equal(joinPaths('', '/'), '/');
    assert.equal(joinPaths('/api', '/'), '/api');
    assert.equal(joinPaths('/api/', '/users/'), '/api/users');
    assert.equal(joinPaths('users', ':id'), '/users/:id');
    assert.equal(joinPaths('', '*'), '/*');
    assert.equal(joinPaths(null, '/x'), null);
    assert.equal(joinPaths('/x', null), null);
  });

  it('reads paths known before the program runs: literals, templates and + of constants, members of const objects', () => {
    const { sf, scopes } = parseForHandlers(
      'routes.ts',
      [
        `const API = '/api';`,
        `const ROUTES = { users: '/users' } as const;`,
        `let mutable = '/m';`,
        `f(\`\${API}/v1\`, API + ROUTES.users, mutable, process.env.P, \`\${API}\${id}\`);`,
      ].join('\n'),
    );
    const call = (sf.statements[3] as ts.ExpressionStatement).expression as ts.CallExpression;
    assert.deepEqual(call.arguments.map((a) => staticString(a, scopes)), ['/api/v1', '/api/users', null, null, null]);
  });

  it('derives Next.js routes from files: app router route files, route groups and slots, pages/api with index files', () => {
    assert.deepEqual(nextRouteOf('app/api/users/[id]/route.ts'), { kind: 'app-route', path: '/api/users/[id]' });
    assert.deepEqual(nextRouteOf('src/app/(shop)/@modal/products/route.js'), { kind: 'app-route', path: '/products' });
    assert.deepEqual(nextRouteOf('app/route.ts'), { kind: 'app-route', path: '/' });
    assert.equal(nextRouteOf('app/_lib/route.ts'), null);
    assert.equal(nextRouteOf('app/users/page.tsx'), null);
    assert.deepEqual(nextRouteOf('pages/api/health.ts'), { kind: 'pages-api', path: '/api/health' });
    assert.deepEqual(nextRouteOf('src/pages/api/orders/index.js'), { kind: 'pages-api', path: '/api/orders' });
    assert.equal(nextRouteOf('pages/about.tsx'), null);
    assert.equal(nextRouteOf('lib/app/route.ts'), null);
  });

  it('derives React Router / Remix routes from app/routes files: flat routes, remix-flat-routes + folders, layouts, params, splats, escapes', () => {
    const cases: Record<string, string | null> = {
      'app/routes/concerts.$city.tsx': '/concerts/:city',
      'app/routes/_index.tsx': '/',
      'app/routes/_auth.login.tsx': '/login',
      'app/routes/concerts_.mine.tsx': '/concerts/mine',
      'app/routes/($lang).about.tsx': '/:lang?/about',
      'app/routes/files.$.tsx': '/files/*',
      'app/routes/sitemap[.]xml.ts': '/sitemap.xml',
      'app/routes/dashboard.settings/route.tsx': '/dashboard/settings',
      'app/routes/dashboard.profile/index.tsx': '/dashboard/profile',
      'app/routes/api.health.test.ts': null,
      // A plain folder's other files are not routes.
      'app/routes/dashboard.settings/form.tsx': null,
      // remix-flat-routes: `+` folders join their names with dots (Documenso's).
      'app/routes/api+/branding.logo.team.$teamId.ts': '/api/branding/logo/team/:teamId',
      'app/routes/_authenticated+/t.$teamUrl+/_index.tsx': '/t/:teamUrl',
      'app/routes/embed+/_v0+/_layout.tsx': '/embed',
      'app/components/button.tsx': null,
      'src/routes/x.ts': null,
    };
    assert.deepEqual(Object.fromEntries(Object.keys(cases).map((rel) => [rel, reactRouterRouteOf(rel)])), cases);
  });

  it('shows a path with a part computed at run time as far as it is known', () => {
    assert.equal(joinShown(joinShown('', null), '/api/auth'), '/…/api/auth');
    assert.equal(joinShown('/api', null), '/api/…');
    assert.equal(joinShown('/', '/users/:id'), '/users/:id');
  });

  it('finds the file a start script runs, past builds, environment assignments and options', () => {
    assert.equal(startTarget('npm run build && LOG_FILE=${LOG_FILE:-logs/service.log} node dist/app.js'), 'dist/app.js');
    assert.equal(startTarget('node -r dotenv/config --enable-source-maps server.js'), 'server.js');
    assert.equal(startTarget('ts-node src/main.ts'), 'src/main.ts');
    assert.equal(startTarget('npx tsx watch src/index.ts'), 'src/index.ts');
    assert.equal(startTarget('next start'), null);
    assert.equal(startTarget('nest start'), 'src/main.ts');
    assert.equal(startTarget('nest start --watch'), 'src/main.ts');
  });
});
