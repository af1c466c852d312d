// Entry point VS Code loads in the extension host: runs the *.test.ts files of this folder with
// mocha (TypeScript transpiled on require, as in the other suites).
const path = require('node:path');
const fs = require('node:fs');
require('../../support/register.js');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60000 });
  for (const file of fs.readdirSync(__dirname)) {
    if (file.endsWith('.test.ts')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
};
