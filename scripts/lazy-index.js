// Rewrites the compiled lib/index.js so that each of its modules loads when one of its exports is
// first read, not when the library is required: an app that uses two constructs does not pay for
// compiling the other hundred files. Every name stays an enumerable property of the index, so
// `Object.keys`, destructuring and the jsii runtime of every language find the same exports.
//
//   node scripts/lazy-index.js [lib/index.js]
//
// Runs after `jsii` (npm run build). The names a module exports are read by loading the compiled
// module once here, at build time, so the written index is complete by construction.
const fs = require('fs');
const path = require('path');

const MARK = '// Lazy index: written by scripts/lazy-index.js.';

function lazify(indexFile) {
  const source = fs.readFileSync(indexFile, 'utf8');
  if (source.includes(MARK)) return false;
  const dir = path.dirname(indexFile);
  const named = new Map(); // local alias (`trust_spec_1`) -> module request
  const exportsInOrder = []; // [name, request]
  const defined = new Set();
  const add = (name, request, whole = false) => {
    if (name === 'default' || name === '__esModule' || defined.has(name)) return;
    defined.add(name);
    exportsInOrder.push([name, request, whole]);
  };
  for (const line of source.split('\n')) {
    const star = /^__exportStar\(require\("(\.[^"]+)"\), exports\);$/.exec(line);
    if (star) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      for (const name of Object.keys(require(path.resolve(dir, star[1])))) add(name, star[1]);
      continue;
    }
    const alias = /^var (\w+) = require\("(\.[^"]+)"\);$/.exec(line);
    if (alias) {
      named.set(alias[1], alias[2]);
      continue;
    }
    const reexport = /^Object\.defineProperty\(exports, "(\w+)", \{ enumerable: true, get: function \(\) \{ return (\w+)\.(\w+); \} \}\);$/.exec(line);
    if (reexport && reexport[1] === reexport[3] && named.has(reexport[2])) {
      add(reexport[1], named.get(reexport[2]));
      continue;
    }
    // A jsii submodule (`export * as azurerm from './bindings/azurerm'`): the namespace is the module
    // itself, since TypeScript's __importStar returns a compiled module unchanged.
    const namespace = /^exports\.(\w+) = __importStar\(require\("(\.[^"]+)"\)\);$/.exec(line);
    if (namespace) {
      add(namespace[1], namespace[2], true);
      continue;
    }
    if (/require\(/.test(line)) throw new Error(`${indexFile}: cannot make this line lazy: ${line}`);
  }
  const lines = [
    '"use strict";',
    MARK,
    'Object.defineProperty(exports, "__esModule", { value: true });',
    ...exportsInOrder.map(([name, request, whole]) =>
      `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, configurable: true, get: () => require(${JSON.stringify(request)})${whole ? '' : `.${name}`} });`),
    '',
  ];
  fs.writeFileSync(indexFile, lines.join('\n'));
  return true;
}

if (require.main === module) {
  const file = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'lib', 'index.js'));
  lazify(file);
}

module.exports = { lazify };
