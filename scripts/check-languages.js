#!/usr/bin/env node
// npm run languages: the language gate. Generates the Python, Java, .NET and Go bindings from the
// jsii assembly (jsii-pacmak --code-only: no toolchain, no network) and compiles the generated Python,
// which is where a signature that pacmak cannot express shows up (a duplicate argument refuses to
// import). Needs `npm run build` first; .ci/run runs both. With a folder argument (build/cdktn, written
// by `node scripts/package-cdktn.js build`), the same for the package in that folder.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const project = path.resolve(__dirname, '..');
const root = process.argv[2] ? path.resolve(process.argv[2]) : project;
const outdir = path.join(root, 'dist', 'languages');
if (!fs.existsSync(path.join(root, '.jsii'))) {
  console.error(`no .jsii assembly in ${root}: run \`npm run build\` (or \`npm run build:cdktn\`) first`);
  process.exit(2);
}
fs.rmSync(outdir, { recursive: true, force: true });
console.log(`${JSON.parse(fs.readFileSync(path.join(root, '.jsii'), 'utf8')).name}:`);
execFileSync(path.join(project, 'node_modules', '.bin', 'jsii-pacmak'), ['--code-only', '--targets', 'python,java,dotnet,go', '-o', outdir], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

function filesUnder(dir, suffix) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, suffix) : entry.name.endsWith(suffix) ? [full] : [];
  });
}

const expected = { python: '.py', java: '.java', dotnet: '.cs', go: '.go' };
for (const [language, suffix] of Object.entries(expected)) {
  const count = fs.existsSync(path.join(outdir, language)) ? filesUnder(path.join(outdir, language), suffix).length : 0;
  if (count === 0) throw new Error(`jsii-pacmak generated no ${suffix} files for ${language}`);
  console.log(`${language}: ${count} ${suffix} files generated`);
}
const python = filesUnder(path.join(outdir, 'python'), '.py');
execFileSync('python3', ['-m', 'py_compile', ...python], { stdio: 'inherit' });
console.log(`python: ${python.length} files compile`);
