// Rewrites the compiled lib/index.js so that each of its modules loads when one of its exports is
// first read, not when the library is required: an app that uses two constructs does not pay for
// compiling the other hundred files. Every name stays an enumerable property of the index, so
// `Object.keys`, destructuring and the jsii runtime of every language find the same exports, and
// the index ends with the names written out for Node's ESM loader, which reads a CommonJS module's
// exports from its text (cjs-module-lexer) and does not follow getters.
//
//   node scripts/lazy-index.js [lib/index.js]
//
// Runs after `jsii` (npm run build, and scripts/package-cdktn.js). The names a module exports are
// read by loading the compiled module once here, at build time. A line of the index this script
// does not understand is an error, so the written index is complete by construction.
const fs = require('fs');
const path = require('path');

const MARK = '// Lazy index: written by scripts/lazy-index.js.';

/** The exports of a compiled index, in order: [name, module request, member read (undefined: the module itself)]. */
function exportsOf(indexFile, source) {
  const dir = path.dirname(indexFile);
  const aliases = new Map(); // `trust_spec_1` -> './federation/trust-spec'
  const exported = new Map(); // name -> [request, member]
  const explicit = new Set();
  const set = (name, request, member, isExplicit) => {
    if (name === 'default' || name === '__esModule') return;
    // As in TypeScript's output, a name exported by name wins over the same name from `export *`,
    // and the first `export *` that has a name keeps it.
    if (exported.has(name) && (explicit.has(name) || !isExplicit)) return;
    exported.set(name, [request, member]);
    if (isExplicit) explicit.add(name);
  };
  const skipped = [
    /^"use strict";$/,
    /^Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);$/,
    /^exports\.\w+ = (exports\.\w+ = )*void 0;$/, // TypeScript's hoisted `exports.X = void 0`
  ];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('//') || skipped.some((pattern) => pattern.test(line))) continue;
    if (line.startsWith('/*')) {
      while (!lines[i].includes('*/')) i++;
      continue;
    }
    // TypeScript's __createBinding / __exportStar / __importStar helpers, up to their closing line.
    if (/^var __(createBinding|exportStar|importStar|setModuleDefault) = /.test(line)) {
      let depth = 0;
      for (;;) {
        for (const c of lines[i]) depth += '({['.includes(c) ? 1 : ')}]'.includes(c) ? -1 : 0;
        if (depth === 0 && lines[i].trim().endsWith(';')) break;
        i++;
      }
      continue;
    }
    const star = /^__exportStar\(require\("(\.[^"]+)"\), exports\);$/.exec(line);
    if (star) {
      for (const name of Object.keys(require(path.resolve(dir, star[1])))) set(name, star[1], name, false);
      continue;
    }
    const alias = /^var (\w+) = require\("(\.[^"]+)"\);$/.exec(line);
    if (alias) {
      aliases.set(alias[1], alias[2]);
      continue;
    }
    const named = /^Object\.defineProperty\(exports, "(\w+)", \{ enumerable: true, get: function \(\) \{ return (\w+)\.(\w+); \} \}\);$/.exec(line);
    if (named && aliases.has(named[2])) {
      set(named[1], aliases.get(named[2]), named[3], true);
      continue;
    }
    // A jsii submodule (`export * as azurerm from './bindings/azurerm'`): the namespace is the module
    // itself, since TypeScript's __importStar returns a compiled module unchanged.
    const namespace = /^exports\.(\w+) = __importStar\(require\("(\.[^"]+)"\)\);$/.exec(line);
    if (namespace) {
      set(namespace[1], namespace[2], undefined, true);
      continue;
    }
    throw new Error(`${indexFile}:${i + 1}: cannot make this line of the index lazy: ${line}`);
  }
  return [...exported].map(([name, [request, member]]) => [name, request, member]);
}

function lazify(indexFile) {
  const source = fs.readFileSync(indexFile, 'utf8');
  if (source.includes(MARK)) return false;
  const exported = exportsOf(indexFile, source);
  const table = exported.map(([name, request, member]) => `  [${JSON.stringify(name)}, ${JSON.stringify(request)}${member === undefined ? '' : `, ${JSON.stringify(member)}`}],`);
  const lines = [
    '"use strict";',
    MARK,
    'Object.defineProperty(exports, "__esModule", { value: true });',
    '/**',
    ' * [export, module, member]: each module is required when one of its exports is first read, and the',
    ' * export then holds its value (a require of a loaded module still resolves its path); no member means',
    ' * the module itself.',
    ' */',
    'const EXPORTS = [',
    ...table,
    '];',
    'for (const [name, request, member] of EXPORTS) {',
    '  Object.defineProperty(exports, name, {',
    '    enumerable: true,',
    '    configurable: true,',
    '    get: () => {',
    '      const value = member === undefined ? require(request) : require(request)[member];',
    '      if (value !== undefined) Object.defineProperty(exports, name, { value, enumerable: true, configurable: true });',
    '      return value;',
    '    },',
    '  });',
    '}',
    '// The names, for Node\'s ESM loader (cjs-module-lexer reads them from this text); never runs.',
    `0 && (module.exports = { ${exported.map(([name]) => name).join(', ')} });`,
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
