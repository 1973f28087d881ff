#!/usr/bin/env node
// Prints the README's benchmark figures from a results file, so that every figure the README quotes
// comes from the committed bench/results.json:
//
//   node bench/report.js [bench/results.json]
//
// The output is the Markdown between the README's "Run on" line and the line after the targets.
const fs = require('fs');
const path = require('path');

const SHAPE_TITLES = {
  workloads: 'workloads in one stack',
  stacks: 'stacks of 2 workloads',
  warnings: 'workloads, GitHub trusts by name (warnings)',
};

const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
const x = (r) => `${r.median.toFixed(2)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;

function report(results) {
  const { machine, framework } = results;
  const lines = [
    `Run on ${results.date.slice(0, 10)}: ${machine.cores}-core ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node.replace(/^v/, '')}, `
      + `cdktf ${framework.cdktf}; load average ${machine.loadAverageAtStart.toFixed(2)} at the start; the whole run took ${Math.round(results.elapsedSeconds)} s.`,
    '',
    '| shape | N | pairs | library CPU | hand-written CPU | CPU ratio | peak RSS ratio |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...results.rows.map((row) => `| ${SHAPE_TITLES[row.shape]} | ${row.n} | ${row.pairs} | ${ms(row.A.cpuMs.median)} | ${ms(row.B.cpuMs.median)} | ${x(row.ratio.cpu)} | ${x(row.ratio.maxRss)} |`),
    `| program's \`require\` only | | ${results.imports.pairs} | ${ms(results.imports.A.cpuMs.median)} | ${ms(results.imports.B.cpuMs.median)} | ${x(results.imports.ratio.cpu)} | ${x(results.imports.ratio.maxRss)} |`,
    '',
    'Review features against the plain library: '
      + results.reviewCost.map((r) => `${r.n} stacks ${r.cpu.toFixed(2)}× CPU (${r.extraCpuMsPerStack.toFixed(1)} ms more per stack), ${r.maxRss.toFixed(2)}× peak RSS`).join('; ') + '.',
    '',
    'Targets:',
    '',
    ...results.targets.map((t) => `- ${t.result}: ${t.target}: ${t.value.toFixed(3)} (target ≤ ${t.limit})`),
  ];
  return lines.join('\n');
}

if (require.main === module) {
  const file = path.resolve(process.argv[2] ?? path.join(__dirname, 'results.json'));
  process.stdout.write(`${report(JSON.parse(fs.readFileSync(file, 'utf8')))}\n`);
}

module.exports = { report };
