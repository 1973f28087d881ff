import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..');

/** The modules a fresh Node process has loaded after requiring `entry` and running `then`. */
function loadedModules(entry: string, register: boolean, then = ''): string[] {
  const script = `const lib = require(${JSON.stringify(entry)}); ${then}; process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const args = [...(register ? ['-r', './scripts/register.js'] : []), '-e', script];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }));
}

const wholeProvider = /[\\/]@cdktf[\\/]provider-[a-z0-9-]+[\\/]lib[\\/](lazy-)?index\.js$/;
const anyProvider = /[\\/]@cdktf[\\/]provider-/;
/** What importing the library must not load: each is loaded by the first construct that needs it. */
const loadedOnUse = /[\\/]@cdktf[\\/]provider-|\.generated\.(ts|js)$|[\\/]node_modules[\\/]yaml[\\/]/;
const uami = "const { App, TerraformStack } = require('cdktf'); new lib.UserAssignedIdentity(new TerraformStack(new App(), 's'), 'Id', "
  + "{ name: 'id-a', resourceGroupName: 'rg', location: 'westeurope' })";

test('requiring the library loads no prebuilt provider module, no generated catalog and no yaml', () => {
  expect(loadedModules('./src/index.ts', true).filter((m) => loadedOnUse.test(m) && !m.includes(`${path.sep}cdktf${path.sep}`))).toEqual([]);
});

test('a construct loads the deep module of its resource, never a provider\'s index', () => {
  const modules = loadedModules('./src/index.ts', true, uami);
  expect(modules.filter((m) => anyProvider.test(m)).map((m) => m.slice(m.indexOf('@cdktf')).replace(/\\/g, '/')))
    .toEqual(['@cdktf/provider-azurerm/lib/user-assigned-identity/index.js']);
});

(fs.existsSync(path.join(root, 'lib', 'index.js')) ? test : test.skip)('nor does the built package', () => {
  expect(loadedModules('./lib/index.js', false).filter((m) => loadedOnUse.test(m) && !m.includes(`${path.sep}cdktf${path.sep}`))).toEqual([]);
  expect(loadedModules('./lib/index.js', false, uami).filter((m) => wholeProvider.test(m))).toEqual([]);
});

(fs.existsSync(path.join(root, 'lib', 'index.js')) ? test : test.skip)('the built index exports every name of src/index.ts, and loads a module only when one of its names is read', () => {
  const libDir = path.join(root, 'lib') + path.sep;
  const script = `
    const libDir = ${JSON.stringify(libDir)};
    const own = () => Object.keys(require.cache).filter((m) => m.startsWith(libDir));
    const names = Object.keys(require('./lib/index.js'));
    const loadedByRequire = own().map((m) => m.slice(libDir.length));
    // Each name read first in a fresh load of the library: a cycle between its modules would leave one undefined.
    const undefinedWhenReadFirst = names.filter((name) => {
      for (const m of own()) delete require.cache[m];
      return require('./lib/index.js')[name] === undefined;
    });
    process.stdout.write(JSON.stringify({ names, loadedByRequire, undefinedWhenReadFirst }));`;
  const built = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
  const source = JSON.parse(execFileSync(process.execPath, ['-r', './scripts/register.js', '-e',
    // Transpiled file by file, a re-exported interface is a name with no value: not an export of the package.
    "process.stdout.write(JSON.stringify(Object.entries(require('./src/index.ts')).filter(([, v]) => v !== undefined).map(([k]) => k)))"], { cwd: root, encoding: 'utf8' }));
  expect([...built.names].sort()).toEqual([...source].sort());
  expect(built.loadedByRequire).toEqual(['index.js']);
  expect(built.undefinedWhenReadFirst).toEqual([]);
});
