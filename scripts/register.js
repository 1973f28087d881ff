// Lets Node run the TypeScript examples directly: `node -r ./scripts/register.js examples/app.ts`.
// ts-node does not support TypeScript 6, so this transpiles each .ts file on load with the
// compiler the project already depends on (type-checking happens in `npm test`), and resolves
// the package's own name to src/, so examples read exactly like a user's program.
const fs = require('fs');
const Module = require('module');
const path = require('path');
const ts = require('typescript');

const entry = path.resolve(__dirname, '..', 'src', 'index.ts');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === 'cdktf-azure-identity' ? entry : request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      inlineSourceMap: true,
    },
  });
  module._compile(outputText, filename);
};
