import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lazify } = require('../scripts/lazy-index.js') as { lazify: (indexFile: string) => boolean };

const root = path.resolve(__dirname, '..');

/** A folder with compiled modules and an index as TypeScript writes it; returns the index's path. */
function compiledPackage(index: string[], modules: { [file: string]: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lazy-index-'));
  for (const [file, text] of Object.entries(modules)) fs.writeFileSync(path.join(dir, file), text);
  const indexFile = path.join(dir, 'index.js');
  fs.writeFileSync(indexFile, ['"use strict";', ...index, ''].join('\n'));
  return indexFile;
}

/** What a fresh process sees of the index: the modules loaded by requiring it, then each export's value. */
const load = (file: string) => execFileSync(process.execPath, ['-e', `const m = require(${JSON.stringify(file)}); `
  + 'const loaded = Object.keys(require.cache).map((f) => require("path").basename(f)); '
  + 'process.stdout.write(JSON.stringify({ loaded, values: Object.fromEntries(Object.keys(m).map((k) => [k, typeof m[k] === "object" ? Object.keys(m[k]) : m[k]])) }))'],
{ encoding: 'utf8' });

test('the lazy index exports what the eager one did, a name exported by name winning over `export *`, as TypeScript has it', () => {
  const modules = {
    'a.js': '"use strict"; exports.X = "from-a"; exports.A = "a";',
    'b.js': '"use strict"; exports.X = "from-b"; exports.B = "b";',
    'ns.js': '"use strict"; Object.defineProperty(exports, "__esModule", { value: true }); exports.N = "n";',
  };
  const index = [
    'Object.defineProperty(exports, "__esModule", { value: true });',
    'exports.X = void 0;',
    '/** A comment the compiler kept. */',
    '__exportStar(require("./a"), exports);',
    'var b_1 = require("./b");',
    'Object.defineProperty(exports, "X", { enumerable: true, get: function () { return b_1.X; } });',
    '// A submodule.',
    'exports.ns = __importStar(require("./ns"));',
  ];
  const eager = compiledPackage([
    'var __createBinding = (this && this.__createBinding) || function (o, m, k) { Object.defineProperty(o, k, { enumerable: true, get: function () { return m[k]; } }); };',
    'var __exportStar = (this && this.__exportStar) || function(m, exports) {',
    '    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);',
    '};',
    'var __importStar = (this && this.__importStar) || (function () {',
    '    return function (mod) {',
    '        return mod;',
    '    };',
    '})();',
    ...index,
  ], modules);
  const before = JSON.parse(load(eager));
  expect(lazify(eager)).toBe(true);
  expect(lazify(eager)).toBe(false);
  const after = JSON.parse(load(eager));
  expect(after.values).toEqual(before.values);
  expect(after.values.X).toBe('from-b');
  expect(after.loaded).toEqual(['index.js']);
});

test('a line of the index the script does not understand is an error, not a dropped export', () => {
  const indexFile = compiledPackage(['Object.defineProperty(exports, "__esModule", { value: true });', 'exports.VERSION = "1.0";'], {});
  expect(() => lazify(indexFile)).toThrow(/cannot make this line of the index lazy: exports.VERSION = "1.0";/);
});

(fs.existsSync(path.join(root, 'lib', 'index.js')) ? test : test.skip)('the built index serves named imports to ES modules, which read a CommonJS module\'s names from its text', () => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e',
    "import { Trust, UserAssignedIdentity, TrustPlatform } from './lib/index.js'; process.stdout.write([typeof Trust, typeof UserAssignedIdentity, TrustPlatform.KUBERNETES].join(' '));"],
  { cwd: root, encoding: 'utf8' });
  expect(out).toBe('function function Kubernetes');
});
