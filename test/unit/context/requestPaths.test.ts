// The request-path model (context/requestPaths.ts) on the fixture service test/fixtures/context/
// express-layers, through the real project model, handler discovery and the service phase's views:
// routes -> controllers (registered in another file) -> a service class (its repository injected by
// a constructor parameter) -> a repository instance, clients in other files; a timer, a queue
// consumer and start-up code calling the same repository.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createProjectModel, noteFile } from '../../../server/src/analysis';
import { describePath, requestPathsOf } from '../../../server/src/analysis/context/requestPaths';
import { functionName } from '../../../server/src/analysis/functionName';
import { callsOnRequestPaths, logCallsOnRequestPaths } from '../../../server/src/analysis/context/pathCalls';
import { serviceViews } from '../../../server/src/analysis/services/phase';
import type { ServiceView } from '../../../server/src/analysis/rule';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'context');

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function layersService(): ServiceView {
  const model = createProjectModel(FIXTURES, { loggerModule: null });
  const files = listFiles(FIXTURES).filter((f) => /\.[jt]s$/.test(f));
  for (const f of files) noteFile(model, f, fs.readFileSync(f, 'utf8'));
  return serviceViews(model, files).find((s) => path.basename(s.root) === 'express-layers')!;
}

describe('request paths across files', () => {
  it('follows handlers through imports, injected fields and instances to every function they reach, and no further', () => {
    const service = layersService();
    const paths = requestPathsOf(service);
    const seen = [...paths.reached.values()].map((fn) => {
      const routes = fn.handlers.map((h) => `${h.method} ${h.path}`).join(',');
      return `${functionName(fn.node)} [${routes}] request=${fn.requestParam?.text ?? '-'} off=${paths.offPath(fn).join('+') || '-'}${fn.root ? ' root' : ''}`;
    });
    assert.deepEqual(seen.sort(), [
      'UserRepository.byId [GET /users/:id] request=- off=a queue consumer+a timer',
      'UserRepository.save [POST /users] request=- off=-',
      'UserService.audit [POST /users] request=request off=-',
      'UserService.create [POST /users] request=req off=-',
      'UserService.find [GET /users/:id] request=- off=-',
      'callWithRequestId [POST /users] request=req off=-',
      'create [POST /users] request=req off=- root',
      'getRequestLogger [POST /users] request=- off=-',
      'getTransport [POST /users] request=- off=-',
      'notifyMailer [POST /users] request=- off=-',
      'show [GET /users/:id] request=req off=- root',
      'welcome [POST /users] request=- off=-',
    ]);
    // Only start-up, the timer or the consumer call these: not on a request path. createTransport's
    // result is kept for the process (getTransport): made once, not for each request.
    const names = new Set([...paths.reached.values()].map((fn) => functionName(fn.node)));
    for (const off of ['UserRepository.warmUp', 'UserRepository.purgeStale', 'consumeEvents', 'createApp', 'createTransport']) assert.ok(!names.has(off), off);
  });

  it('names the route and the chain that reaches a function, and what else runs it', () => {
    const service = layersService();
    const paths = requestPathsOf(service);
    const byName = new Map([...paths.reached.values()].map((fn) => [functionName(fn.node), fn]));
    assert.equal(describePath(paths, byName.get('UserRepository.byId')!), 'the request path of GET /users/:id via UserService.find → UserRepository.byId (it also runs from a queue consumer and a timer, outside requests)');
    assert.equal(describePath(paths, byName.get('notifyMailer')!), 'the request path of POST /users via UserService.create → notifyMailer');
    assert.equal(describePath(paths, byName.get('show')!), 'the request path of GET /users/:id');
  });

  it('hands the rules the calls of reached functions once each, and their log calls through the logger model', () => {
    const service = layersService();
    const calls = callsOnRequestPaths(service);
    const keys = calls.map((c) => `${c.node.getSourceFile().fileName}:${c.node.pos}-${c.node.end}`);
    assert.equal(new Set(keys).size, keys.length);
    const logs = logCallsOnRequestPaths(service).map((c) => `${functionName(c.fn.node)} ${c.call.receiver.getText()}.${c.call.method}`);
    // `req.log` in a handler registered in another file with untyped parameters is recognised by the
    // per-file logger model when the function answers through its second parameter (`create`: `res.status(201).json(...)`);
    // `request.log` in UserService.audit(request, what) is not (nothing there says `request` is one).
    // The listener notifyMailer registers (`once('sent', ...)`) is not part of the request: its log call is not listed.
    assert.deepEqual(logs.sort(), [
      'UserRepository.byId logger.debug',
      'UserRepository.save (getRequestLogger() ?? logger).info',
      // Destructured from a parameter typed `{ log: Logger }`.
      'UserRepository.save log.info',
      'UserService.audit logger.info',
      'UserService.find logger.debug',
      'create req.log.info',
      'show logger.info',
      'welcome logger.debug',
    ]);
  });
});
