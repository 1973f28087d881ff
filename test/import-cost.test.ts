import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..');

/** The modules a fresh Node process has loaded after requiring `entry`. */
function loadedModules(entry: string, register: boolean): string[] {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const args = [...(register ? ['-r', './scripts/register.js'] : []), '-e', script];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }));
}

const wholeProvider = /[\\/]@cdktf[\\/]provider-[a-z0-9-]+[\\/]lib[\\/](lazy-)?index\.js$/;

test('requiring the library never loads a prebuilt provider\'s index', () => {
  const modules = loadedModules('./src/index.ts', true);
  expect(modules.some((m) => /@cdktf[\\/]provider-azurerm[\\/]lib[\\/]user-assigned-identity/.test(m))).toBe(true);
  expect(modules.filter((m) => wholeProvider.test(m))).toEqual([]);
});

(fs.existsSync(path.join(root, 'lib', 'index.js')) ? test : test.skip)('nor does the built package', () => {
  expect(loadedModules('./lib/index.js', false).filter((m) => wholeProvider.test(m))).toEqual([]);
});
