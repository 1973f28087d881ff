import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as library from '../src';

// Every ```ts block in README.md is type-checked as a file of a fresh `cdktf init` app: with that
// app's tsconfig.json plus exactly what the README tells a new user to add, with the library as an
// installed package, and with test/fixtures/readme-prelude.d.ts declaring what the prose around a
// snippet has already created.
const root = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const snippets = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => ({
  code: m[1],
  line: readme.slice(0, m.index).split('\n').length + 1,
}));

/**
 * The compiler options of the tsconfig.json that `cdktf init --template=typescript` writes:
 * packages/@cdktf/cli-core/templates/typescript/tsconfig.json at hashicorp/terraform-cdk v0.21.0
 * (its `include` is every `.ts` file of the app folder; `exclude` node_modules and cdktf.out).
 */
const FRESH_APP_OPTIONS = {
  alwaysStrict: true,
  declaration: true,
  experimentalDecorators: true,
  inlineSourceMap: true,
  inlineSources: true,
  lib: ['es2018'],
  module: 'CommonJS',
  noEmitOnError: true,
  noFallthroughCasesInSwitch: true,
  noImplicitAny: true,
  noImplicitReturns: true,
  noImplicitThis: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  resolveJsonModule: true,
  strict: true,
  strictNullChecks: true,
  strictPropertyInitialization: true,
  stripInternal: true,
  target: 'ES2018',
  incremental: true,
  skipLibCheck: true,
};

/** What the README's new-app steps tell the user to add to compilerOptions: its ```json block with "compilerOptions". */
function readmeAdditions(): { [option: string]: unknown } {
  const block = [...readme.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => m[1]).find((text) => text.includes('"compilerOptions"'));
  if (!block) throw new Error('README.md has no ```json block with the compilerOptions a new app adds');
  return JSON.parse(block).compilerOptions;
}

test('the README has TypeScript snippets to check', () => {
  expect(snippets.length).toBeGreaterThanOrEqual(8);
});

test('the README tells a new app to load Node\'s types, which TypeScript 6 no longer loads by default', () => {
  expect(readmeAdditions()).toMatchObject({ types: expect.arrayContaining(['node']) });
  expect(readme).toMatch(/npm install --save-dev[^\n]*@types\/node/);
});

/** What a fragment (a snippet without imports) may use without importing it: the library's classes and enums, and cdktf's basics. */
const fragmentImports = [
  `import { ${Object.keys(library).join(', ')} } from 'cdktf-azure-identity';`,
  "import { App, Fn, TerraformStack, TerraformVariable } from 'cdktf';",
].join('\n');

/**
 * A fresh app's folder, inside the project so that module resolution finds its node_modules, with
 * the library installed as a package whose types are the built lib/.
 */
function freshApp(name: string, extra: ts.CompilerOptions): string {
  if (!fs.existsSync(path.join(root, 'lib', 'index.d.ts'))) throw new Error('lib/index.d.ts is missing: run `npm run build` first');
  const dir = path.join(root, 'node_modules', '.cache', 'readme-snippets', name);
  fs.rmSync(dir, { recursive: true, force: true });
  // A stub package that re-exports the built declarations (a link back to the project would make
  // every tool that walks node_modules loop).
  const installed = path.join(dir, 'node_modules', 'cdktf-azure-identity');
  fs.mkdirSync(installed, { recursive: true });
  fs.writeFileSync(path.join(installed, 'index.d.ts'), `export * from ${JSON.stringify(path.join(root, 'lib', 'index'))};\n`);
  const compilerOptions = { ...FRESH_APP_OPTIONS, ...readmeAdditions(), ...extra };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['**/*.ts'], exclude: ['node_modules', 'cdktf.out'] }, null, 2));
  // The prelude only declares; in the app it reads the library as the package it is there.
  const prelude = fs.readFileSync(path.join(root, 'test', 'fixtures', 'readme-prelude.d.ts'), 'utf8');
  fs.writeFileSync(path.join(dir, 'readme-prelude.d.ts'), prelude);
  return dir;
}

test('every TypeScript snippet in the README compiles in a fresh cdktf app', () => {
  // A whole program (a snippet with its imports) is checked with the app's options as they are: an
  // unused variable fails its synth. A fragment gets the imports it leaves out, which it may not use.
  const whole = snippets.filter((s) => /^import /m.test(s.code));
  const fragments = snippets.filter((s) => !whole.includes(s));
  const errors = [
    ...diagnostics(freshApp('programs', {}), whole.map((s) => s.code), whole),
    ...diagnostics(freshApp('fragments', { noUnusedLocals: false }), fragments.map((s) => `${fragmentImports}\n${s.code}\nexport {};\n`), fragments),
  ];
  fs.rmSync(path.join(root, 'node_modules', '.cache', 'readme-snippets'), { recursive: true, force: true });
  expect(errors).toEqual([]);
}, 120_000);

/**
 * Compiles the snippets as files of the app, as `cdktf synth` has ts-node compile `main.ts`: with
 * the app's tsconfig.json and the options ts-node forces (an output folder, no declarations), so
 * that problems TypeScript reports only when it would write files (TS5011) are found too.
 */
function diagnostics(dir: string, sources: string[], origin: Array<{ line: number }>): string[] {
  const files = sources.map((source, i) => {
    const file = path.join(dir, `snippet-line-${origin[i].line}.ts`);
    fs.writeFileSync(file, source);
    return file;
  });
  const config = ts.getParsedCommandLineOfConfigFile(path.join(dir, 'tsconfig.json'), {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, ' ')); },
  })!;
  const options = { ...config.options, outDir: path.join(dir, '.ts-node'), declaration: false, incremental: false, noEmit: false };
  const program = ts.createProgram(config.fileNames, options);
  const emitted = program.emit(undefined, () => undefined);
  const all = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics]
    .filter((d) => !d.file || files.includes(path.resolve(d.file.fileName)) || d.file.fileName.endsWith('tsconfig.json'))
    .map((d) => `${d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start!).line + 1}` : 'tsconfig'}: ${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  // With noEmitOnError, emit reports the errors it stopped for again.
  return [...new Set(all)];
}
