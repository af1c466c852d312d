// Which fields-object keys a project's bunyan serializers cover, read from the configuring file's text,
// and the project model noticing when they change (a key added keeps an error that was lost before).
import * as assert from 'node:assert/strict';
import { bunyanSerializerKeysIn } from '../../../server/src/analysis/bunyanConfigText';
import { createProjectModel, noteFile } from '../../../server/src/analysis';

describe('bunyan serializer keys', () => {
  it("bunyan's and restify's standard sets, a serializers object's own keys (nested calls name none), and unknown values", () => {
    assert.deepEqual(bunyanSerializerKeysIn("bunyan.createLogger({ name: 'a', serializers: bunyan.stdSerializers })"), ['err', 'req', 'res']);
    assert.deepEqual(bunyanSerializerKeysIn('createLogger({ serializers: restify.bunyan.serializers })'), ['client_req', 'client_res', 'err', 'req', 'res']);
    assert.deepEqual(
      bunyanSerializerKeysIn("createLogger({ serializers: { err: Serializers.err, 'error': Serializers.err, cause(e) { return pick(e, ['message', 'stack']); }, req } })"),
      ['cause', 'err', 'error', 'req'],
    );
    assert.deepEqual(bunyanSerializerKeysIn('log.addSerializers({ ...bunyan.stdSerializers, job: (j) => j.id })'), ['err', 'job', 'req', 'res']);
    assert.equal(bunyanSerializerKeysIn('createLogger({ serializers: mySerializers })'), null);
    assert.equal(bunyanSerializerKeysIn('createLogger({ serializers: { ...shared, err } })'), null);
  });

  it("a serializer key added in the editor changes the package's facts (the model's generation moves)", () => {
    const root = '/tmp/obs-lens-bunyan-keys';
    const project = createProjectModel(root, { loggerModule: null, readFile: (f) => (f === `${root}/package.json` ? JSON.stringify({ name: 'x', dependencies: { bunyan: '^1' } }) : undefined) });
    const file = `${root}/src/log.js`;
    const text = (keys: string) => `const bunyan = require('bunyan');\nmodule.exports = bunyan.createLogger({ name: 'x', serializers: { ${keys} } });\n`;
    noteFile(project, file, text('err: bunyan.stdSerializers.err'));
    assert.deepEqual(project.factsFor(file, null).bunyanSerializedKeys, ['err']);
    const before = project.generation;
    noteFile(project, file, text('err: bunyan.stdSerializers.err, cause: bunyan.stdSerializers.err'));
    assert.notEqual(project.generation, before);
    assert.deepEqual(project.factsFor(file, null).bunyanSerializedKeys, ['cause', 'err']);
  });
});
