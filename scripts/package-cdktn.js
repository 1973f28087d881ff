#!/usr/bin/env node
// The CDK Terrain package, cdktn-azure-identity, from the same src/ as cdktf-azure-identity.
//
//   node scripts/package-cdktn.js build   writes build/cdktn/ (sources, package.json) and compiles it with jsii
//   node scripts/package-cdktn.js pack    the same, then `npm pack` into dist/js/
//
// What differs from the cdktf package is only where imports point: `cdktf` becomes `cdktn`, and each
// prebuilt provider module (`@cdktf/provider-azurerm/lib/<name>`) becomes the library's own exact
// binding of it (`src/bindings/azurerm/<name>.ts`), since no prebuilt azurerm or azuread binding
// installs beside cdktn 0.24. The own bindings are exported as the submodules `azurerm` and
// `azuread`, so their types (the escape hatches) are part of the package's jsii assembly.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { lazify } = require('./lazy-index');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'build', 'cdktn');
const PREBUILT = /^@cdktf\/provider-(azurerm|azuread)\/lib\/([a-z0-9-]+)$/;

/** Every .ts file under a folder, as paths relative to it. */
function tsFiles(dir) {
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort();
}

// Imports, exports and `require('...')` calls: src/private/lazy-modules.ts requires the provider modules on first use.
const SPECIFIER = /(\b(?:from|import|require)\s*\(?\s*)'([^']+)'/g;

/** The module specifiers of a TypeScript source (static imports and exports, type-only ones included, and requires). */
function specifiers(text) {
  return [...text.matchAll(SPECIFIER)].map((m) => m[2]);
}

/** The prebuilt provider modules src/ imports (outside src/bindings). */
function prebuiltImports() {
  const src = path.join(root, 'src');
  const found = new Set();
  for (const file of tsFiles(src).filter((f) => !f.startsWith(`bindings${path.sep}`))) {
    for (const spec of specifiers(fs.readFileSync(path.join(src, file), 'utf8'))) if (PREBUILT.test(spec)) found.add(spec);
  }
  return [...found].sort();
}

/** The own binding's file for a prebuilt module path, relative to src/, or undefined when there is none. */
function ownBindingFor(spec) {
  const m = PREBUILT.exec(spec);
  if (!m) return undefined;
  const file = path.join('bindings', m[1], `${m[2]}.ts`);
  return fs.existsSync(path.join(root, 'src', file)) ? file : undefined;
}

/** One source file with its imports pointed at cdktn and at the own bindings. */
function rewrite(text, file) {
  return text.replace(SPECIFIER, (whole, lead, spec) => {
    if (spec === 'cdktf' || spec.startsWith('cdktf/')) return `${lead}'cdktn${spec.slice('cdktf'.length)}'`;
    if (!PREBUILT.test(spec)) return whole;
    const binding = ownBindingFor(spec);
    if (!binding) throw new Error(`src/${file} imports ${spec}, which has no own binding under src/bindings/: write one (see src/bindings/README.md)`);
    let relative = path.relative(path.dirname(file), binding.replace(/\.ts$/, '')).split(path.sep).join('/');
    if (!relative.startsWith('.')) relative = `./${relative}`;
    return `${lead}'${relative}'`;
  });
}

/** The cdktn package's manifest, derived from the cdktf package's. */
function manifest() {
  const base = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const cdktn = base.devDependencies.cdktn;
  return {
    name: 'cdktn-azure-identity',
    version: base.version,
    description: base.description.replace('as CDKTF constructs', 'as CDK Terrain (cdktn) constructs'),
    license: base.license,
    author: base.author,
    repository: base.repository,
    keywords: [...base.keywords.filter((k) => k !== 'cdktf'), 'cdktn', 'cdk-terrain'],
    main: base.main,
    types: base.types,
    files: base.files,
    engines: base.engines,
    // cdktn is 0.x and releases every month or two: a caret range (^0.24) would refuse the next minor
    // with ERESOLVE, the trap @cdktn/provider-azurerm 16.1 (cdktn@^0.23) sets for cdktn 0.24 users.
    // constructs: what cdktn 0.24 accepts (>=10.6.0 <10.8.0) decides the upper bound.
    peerDependencies: { cdktn: '>=0.24.0 <1.0.0', constructs: '^10.6.0' },
    devDependencies: { cdktn, constructs: base.devDependencies.constructs },
    dependencies: base.dependencies,
    bundledDependencies: base.bundledDependencies,
    stability: base.stability,
    jsii: {
      ...base.jsii,
      // The cdktf package leaves the own bindings out; this one exports them.
      excludeTypescript: base.jsii.excludeTypescript.filter((p) => p !== 'src/bindings'),
      targets: {
        python: { distName: 'cdktn-azure-identity', module: 'cdktn_azure_identity' },
        java: {
          package: 'io.github.cdktnazureidentity',
          maven: { groupId: 'io.github.cdktf-azure-identity', artifactId: 'cdktn-azure-identity' },
        },
        dotnet: { namespace: 'CdktnAzureIdentity', packageId: 'CdktnAzureIdentity' },
        go: { moduleName: 'github.com/cdktf-azure-identity/cdktn-azure-identity-go', packageName: 'cdktnazureidentity' },
      },
    },
  };
}

/** Writes build/cdktn: rewritten sources, manifest, README, LICENSE and the bundled dependencies. */
function generate() {
  const missing = prebuiltImports().filter((spec) => !ownBindingFor(spec));
  if (missing.length) throw new Error(`no own binding for ${missing.join(', ')}: write one under src/bindings/ (see src/bindings/README.md)`);
  fs.rmSync(outdir, { recursive: true, force: true });
  for (const file of tsFiles(path.join(root, 'src'))) {
    const target = path.join(outdir, 'src', file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    let text = rewrite(fs.readFileSync(path.join(root, 'src', file), 'utf8'), file);
    if (file === 'index.ts') {
      text += "\n// The own bindings of the azurerm and azuread types the library writes (the escape hatches' types).\n"
        + "export * as azurerm from './bindings/azurerm';\nexport * as azuread from './bindings/azuread';\n";
    }
    fs.writeFileSync(target, text);
  }
  fs.writeFileSync(path.join(outdir, 'package.json'), `${JSON.stringify(manifest(), null, 2)}\n`);
  fs.copyFileSync(path.join(root, 'docs', 'cdktn-package.md'), path.join(outdir, 'README.md'));
  fs.copyFileSync(path.join(root, 'LICENSE'), path.join(outdir, 'LICENSE'));
  for (const dependency of Object.keys(manifest().dependencies ?? {})) {
    fs.cpSync(path.join(root, 'node_modules', dependency), path.join(outdir, 'node_modules', dependency), { recursive: true });
  }
}

/** Compiles build/cdktn with jsii: lib/ and the .jsii assembly, with the same lazy index as the cdktf package. */
function compile() {
  execFileSync(process.execPath, [require.resolve('jsii/bin/jsii', { paths: [root] }), '--silence-warnings=reserved-word'], { cwd: outdir, stdio: 'inherit' });
  lazify(path.join(outdir, 'lib', 'index.js'));
}

/** Packs build/cdktn into dist/js/. */
function pack() {
  const destination = path.join(root, 'dist', 'js');
  fs.mkdirSync(destination, { recursive: true });
  execFileSync('npm', ['pack', '--pack-destination', destination], { cwd: outdir, stdio: 'inherit' });
}

module.exports = { outdir, prebuiltImports, ownBindingFor, rewrite, manifest };

if (require.main === module) {
  const command = process.argv[2] ?? 'build';
  if (!['build', 'pack'].includes(command)) {
    console.error('usage: node scripts/package-cdktn.js [build|pack]');
    process.exit(2);
  }
  generate();
  compile();
  if (command === 'pack') pack();
}
