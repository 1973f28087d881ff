import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as library from '../src';

// Every ```ts block in README.md is type-checked against the library's source, as its own module,
// with test/fixtures/readme-prelude.d.ts declaring what the prose around it has already created.
const root = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const snippets = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => ({
  code: m[1],
  line: readme.slice(0, m.index).split('\n').length + 1,
}));

test('the README has TypeScript snippets to check', () => {
  expect(snippets.length).toBeGreaterThanOrEqual(8);
});

/** What a fragment (a snippet without imports) may use without importing it: the library's classes and enums, and cdktf's basics. */
const fragmentImports = [
  `import { ${Object.keys(library).join(', ')} } from 'cdktf-azure-identity';`,
  "import { App, Fn, TerraformStack, TerraformVariable } from 'cdktf';",
].join('\n');

test('every TypeScript snippet in the README compiles', () => {
  // Inside the project, so that module resolution finds its node_modules.
  const dir = path.join(root, 'node_modules', '.cache', 'readme-snippets');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = snippets.map((snippet, i) => {
    const file = path.join(dir, `snippet-${i}-line-${snippet.line}.ts`);
    // A fragment still is a module of its own, so that its names do not clash with another's.
    fs.writeFileSync(file, /^import /m.test(snippet.code) ? snippet.code : `${fragmentImports}\n${snippet.code}\nexport {};\n`);
    return file;
  });
  // A whole program (a snippet with its imports) is checked as strictly as a fresh `cdktf init`
  // app's tsconfig.json: an unused variable fails its synth.
  const whole = files.filter((_, i) => /^import /m.test(snippets[i].code));
  const fragments = files.filter((f) => !whole.includes(f));
  const errors = [...diagnostics(whole, { noUnusedLocals: true, noUnusedParameters: true }), ...diagnostics(fragments, {})];
  expect(errors).toEqual([]);
}, 120_000);

function diagnostics(files: string[], extra: ts.CompilerOptions): string[] {
  const program = ts.createProgram([...files, path.join(root, 'test', 'fixtures', 'readme-prelude.d.ts')], {
    ...extra,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    esModuleInterop: true,
    types: ['node'],
    typeRoots: [path.join(root, 'node_modules', '@types')],
    baseUrl: root,
    paths: { 'cdktf-azure-identity': ['./src/index.ts'] },
  });
  return ts.getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.includes(path.resolve(d.file.fileName)))
    .map((d) => `${path.basename(d.file!.fileName)}:${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}
