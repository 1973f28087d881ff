#!/usr/bin/env node
// The cdktn package as a user gets it, through the real CDK Terrain CLI (a step of .ci/run, after
// `npm run package`; needs the npm registry, nothing else):
//
// 1. in a new folder, `npm install cdktn@<version> dist/js/cdktn-azure-identity-*.tgz`, with no
//    legacy peer flags and no overrides;
// 2. the pipelines example, its imports pointed at cdktn and the package (`@cdktf/provider-azurerm/lib/provider`
//    becomes the package's `azurerm` submodule), with `TrustReport.of(app)`;
// 3. `cdktn synth` from cdktn-cli under Node.js 22 (cdktn-cli needs 22.19 or later), both fetched from
//    the npm registry for this step only, with no `terraform` on PATH; cdktn-cli reads cdktf.json;
// 4. checks: each stack's cdk.tf.json is the frozen one of test/golden/synthesized.json (the cdktf
//    package writes the same), the library's warnings are in the manifest, the trust report is
//    written, and a failing synth leaves the output folder as it was.
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const CLI = 'cdktn-cli@0.24.0';
const NODE = 'node@22';
const cdktnVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.cdktn;

function fail(message) {
  console.error(`check-cdktn-cli: ${message}`);
  process.exit(1);
}

const tarballs = fs.existsSync(path.join(root, 'dist', 'js'))
  ? fs.readdirSync(path.join(root, 'dist', 'js')).filter((f) => /^cdktn-azure-identity-.*\.tgz$/.test(f)) : [];
if (tarballs.length !== 1) fail(`expected one dist/js/cdktn-azure-identity-*.tgz (run \`npm run package\`), found ${tarballs.length}`);
const tarball = path.join(root, 'dist', 'js', tarballs[0]);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktn-app-'));
console.log(`check-cdktn-cli: app in ${dir}`);
fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'cdktn-app', version: '0.0.0', private: true }, null, 2));
execFileSync('npm', ['install', '--no-audit', '--no-fund', `cdktn@${cdktnVersion}`, tarball], { cwd: dir, stdio: 'inherit' });

// The example, as a cdktn user writes it.
const source = fs.readFileSync(path.join(root, 'examples', 'pipelines', 'main.ts'), 'utf8');
const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText
  .replace(/require\("cdktf"\)/g, 'require("cdktn")')
  .replace(/require\("cdktf-azure-identity"\)/g, 'require("cdktn-azure-identity")')
  .replace(/require\("@cdktf\/provider-(azurerm|azuread)\/lib\/[a-z0-9-]+"\)/g, 'require("cdktn-azure-identity").$1');
if (/require\("(cdktf|@cdktf\/)/.test(js)) fail('the example still imports cdktf or a prebuilt provider');
fs.writeFileSync(path.join(dir, 'example.js'), js);
const main = (extra) => [
  "const { App, TerraformStack } = require('cdktn');",
  "const { TrustReport, UserAssignedIdentity } = require('cdktn-azure-identity');",
  'const app = new App();',
  "require('./example').build(app);",
  extra,
  'TrustReport.of(app);',
  'app.synth();',
  "require('fs').writeFileSync('node-version.txt', process.version);",
  '',
].join('\n');
fs.writeFileSync(path.join(dir, 'main.js'), main(''));
// A later stack with an identity name Azure refuses: the synth must fail and write nothing.
fs.writeFileSync(path.join(dir, 'main-failing.js'), main([
  "const broken = new TerraformStack(app, 'broken');",
  "broken.node.addValidation({ validate: () => ['broken: a policy says no'] });",
  "new UserAssignedIdentity(broken, 'Fine', { name: 'id-fine', resourceGroupName: 'rg', location: 'westeurope' });",
].join('\n')));
fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'node main.js', output: 'cdktf.out', terraformProviders: [], terraformModules: [], sendCrashReports: 'false', context: {} }, null, 2));

// PATH without any terraform binary: synth must not need one.
const searchPath = process.env.PATH.split(path.delimiter).filter((d) => d && !fs.existsSync(path.join(d, 'terraform'))).join(path.delimiter);
const env = { ...process.env, PATH: searchPath, CHECKPOINT_DISABLE: '1', CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1', CI: '1', FORCE_COLOR: '0' };
if (spawnSync('sh', ['-c', 'command -v terraform'], { env }).status === 0) fail('terraform is still on PATH');

function synth(app) {
  const args = ['-y', '-p', NODE, '-p', CLI, '--', 'cdktn', 'synth', ...(app ? ['--app', app] : [])];
  return spawnSync('npx', args, { cwd: dir, env, encoding: 'utf8', timeout: 600_000 });
}

const started = Date.now();
const ok = synth();
process.stdout.write(ok.stdout ?? '');
process.stderr.write(ok.stderr ?? '');
if (ok.status !== 0) fail(`cdktn synth failed (exit ${ok.status})`);
const nodeVersion = fs.readFileSync(path.join(dir, 'node-version.txt'), 'utf8');
if (!/^v22\./.test(nodeVersion)) fail(`the app ran on Node.js ${nodeVersion}, not 22`);
console.log(`check-cdktn-cli: cdktn synth (${CLI}; the app on Node.js ${nodeVersion}) took ${((Date.now() - started) / 1000).toFixed(1)} s`);

const out = path.join(dir, 'cdktf.out');
const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
const golden = JSON.parse(fs.readFileSync(path.join(root, 'test', 'golden', 'synthesized.json'), 'utf8'));
const comparable = (value) => {
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === 'string') return value.split(fs.realpathSync(dir)).join('<project>').split(dir).join('<project>');
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '//').map(([key, v]) => [key, comparable(v)]));
};
const stacks = Object.values(manifest.stacks);
if (stacks.map((s) => s.name).sort().join() !== 'pipelines-identity,pipelines-workload') fail(`unexpected stacks ${stacks.map((s) => s.name)}`);
for (const stack of stacks) {
  const json = JSON.parse(fs.readFileSync(path.join(out, stack.synthesizedStackPath), 'utf8'));
  if (JSON.stringify(comparable(json)) !== JSON.stringify(golden[stack.name])) {
    fail(`${stack.name}: cdk.tf.json differs from test/golden/synthesized.json\n${JSON.stringify(comparable(json), null, 1)}`);
  }
  if (!fs.existsSync(path.join(out, stack.workingDirectory, 'trust-report.md'))) fail(`${stack.name}: no trust-report.md`);
}
console.log('check-cdktn-cli: every cdk.tf.json is the frozen one');
const warnings = stacks.flatMap((s) => (s.annotations ?? []).filter((a) => /warn/.test(a.level)).map((a) => `${a.constructPath}: ${a.message}`));
if (!warnings.some((w) => /contoso\/platform without its IDs/.test(w))) fail(`the library's warning is not in the manifest: ${JSON.stringify(warnings)}`);
console.log(`check-cdktn-cli: ${warnings.length} library warning(s) in the manifest`);
const report = JSON.parse(fs.readFileSync(path.join(out, 'trust-report.json'), 'utf8'));
if (!JSON.stringify(report).includes('terraform-platform-deployer')) fail('the trust report does not show the deployer');
console.log('check-cdktn-cli: trust report written');

const snapshot = () => fs.readdirSync(out, { recursive: true }).map(String).sort()
  .map((f) => (fs.statSync(path.join(out, f)).isFile() ? `${f}:${fs.readFileSync(path.join(out, f), 'utf8').length}:${fs.statSync(path.join(out, f)).mtimeMs}` : f)).join('\n');
const before = snapshot();
const failing = synth('node main-failing.js');
if (failing.status === 0) fail('a synth with a failing validation succeeded');
if (!/a policy says no/.test(`${failing.stdout}${failing.stderr}`)) fail(`the failing synth did not report the validation:\n${failing.stdout}${failing.stderr}`);
if (snapshot() !== before) fail('a failed synth changed the output folder');
console.log('check-cdktn-cli: a failed synth leaves the output folder as it was');
fs.rmSync(dir, { recursive: true, force: true });
