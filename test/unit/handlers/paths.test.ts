// Route paths: prefixes joined as frameworks join them, Next.js routes from file paths, and the
// file a package.json start script runs (an inventory entry point).
import * as assert from 'node:assert/strict';
import { startTarget } from '../../../server/src/analysis/handlers/inventory';
import { joinPaths, nextRouteOf, staticString } from '../../../server/src/analysis/handlers/paths';
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

  it('finds the file a start script runs, past builds, environment assignments and options', () => {
    assert.equal(startTarget('npm run build && LOG_FILE=${LOG_FILE:-logs/service.log} node dist/app.js'), 'dist/app.js');
    assert.equal(startTarget('node -r dotenv/config --enable-source-maps server.js'), 'server.js');
    assert.equal(startTarget('ts-node src/main.ts'), 'src/main.ts');
    assert.equal(startTarget('npx tsx watch src/index.ts'), 'src/index.ts');
    assert.equal(startTarget('next start'), null);
    assert.equal(startTarget('nest start'), null);
  });
});
