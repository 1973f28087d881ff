// npm run synth: synthesizes every example offline into cdktf.out/ and prints each stack's size.
require('./register');
const fs = require('fs');
const path = require('path');
const { synthesizeExamples } = require('../examples/app.ts');

const outdir = path.resolve(__dirname, '..', 'cdktf.out');
synthesizeExamples(outdir);

const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
const rows = Object.values(manifest.stacks).map((stack) => {
  const json = JSON.parse(fs.readFileSync(path.join(outdir, stack.synthesizedStackPath), 'utf8'));
  const count = (block) => Object.values(block ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  return { stack: stack.name, resources: count(json.resource), dataSources: count(json.data), file: path.join('cdktf.out', stack.synthesizedStackPath) };
});
const width = Math.max(5, ...rows.map((r) => r.stack.length));
console.log(`${'stack'.padEnd(width)}  resources  data sources  output`);
for (const r of rows) {
  console.log(`${r.stack.padEnd(width)}  ${String(r.resources).padStart(9)}  ${String(r.dataSources).padStart(12)}  ${r.file}`);
}
