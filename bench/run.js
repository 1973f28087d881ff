#!/usr/bin/env node
// npm run bench: the library (A) against careful hand-written L1 code (B, bench/hand-written.js),
// every measurement a whole fresh process (node start-up, require, build, synth), as one
// `cdktf synth` runs an app. Prints a table with the targets' PASS or FAIL and writes
// bench/results.json. Not part of npm test: speed goals live here, never in tests.
//
//   node bench/run.js            the full plan (about four minutes of CPU on two cores)
//   node bench/run.js --quick    small sizes only, for a quick look while working (not committed)
//
// Each size runs as pairs, one pair after the other, alternating which variant goes first (A B, B A,
// A B, ...), so that both variants see the same machine and a drift in its speed favours neither; a
// small size first runs one pair that is not counted, so that no figure pays for a cold file cache. A
// ratio is the median of the pairs' ratios; the spread is their min and max. Small sizes run more
// pairs: one of their processes takes a second or less, and a shared machine's noise is then largest.
// CPU time is the child's user + system time at exit; memory is its peak resident set size.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const QUICK = process.argv.includes('--quick');
const RESULTS = path.join(__dirname, QUICK ? 'results.quick.json' : 'results.json');

/** Library against hand-written L1 code, pairs per size. Fewer pairs where one pair takes over a minute. */
const PLAN = QUICK
  ? [
    { shape: 'workloads', sizes: [[1, 3], [100, 3], [1000, 3]] },
    { shape: 'stacks', sizes: [[1, 3], [20, 3], [200, 3]] },
    { shape: 'warnings', sizes: [[10, 3], [100, 3], [1000, 3]] },
  ]
  : [
    { shape: 'workloads', sizes: [[1, 7], [100, 5], [1000, 3], [10000, 1]] },
    { shape: 'stacks', sizes: [[1, 7], [100, 5], [1000, 3]] },
    // No target of its own (hand-written code warns about nothing): two pairs at the largest size.
    { shape: 'warnings', sizes: [[10, 5], [100, 3], [1000, 2]] },
  ];
/** The review features, library only, against the plain library's stacks rows. */
const REVIEWED = QUICK ? [[20, 3], [200, 3]] : [[100, 3], [1000, 1]];
const IMPORT_PAIRS = 7;
/** Sizes up to this many units run one uncounted pair first. */
const WARM_UP_UP_TO = 100;
const SHAPE_NAMES = {
  workloads: 'N workloads in one stack',
  stacks: 'N stacks of 2 workloads',
  warnings: 'N workloads, each trusting 3 GitHub branches by name (a warning each)',
  reviewed: 'N stacks of 2 workloads, a LeastPrivilegeCheck each, TrustReport.of(app)',
};

/** The targets: ratios to hand-written L1 code, and growth. */
const LIMITS = { ratio: 1.10, importRatio: 1.10, linearity: 1.25 };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function spread(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

function child(args) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', path.join(__dirname, 'single-run.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

/** Pairs of fresh processes, alternating which goes first, after `warmUp` uncounted pairs: medians, spreads, and the pairs' ratios. */
function pairs(count, runA, runB, warmUp = 0) {
  for (let i = 0; i < warmUp; i++) {
    runA();
    runB();
  }
  const runs = { A: [], B: [] };
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      runs.A.push(runA());
      runs.B.push(runB());
    } else {
      runs.B.push(runB());
      runs.A.push(runA());
    }
  }
  const side = (v) => ({ cpuMs: spread(runs[v].map((r) => r.cpuMs)), maxRssMb: spread(runs[v].map((r) => r.maxRssMb)) });
  const ratios = (key) => spread(runs.A.map((a, i) => a[key] / runs.B[i][key]));
  return { runs, A: side('A'), B: side('B'), ratio: { cpu: ratios('cpuMs'), maxRss: ratios('maxRssMb') } };
}

function measureShape(shape, n, count, variants = ['A', 'B']) {
  const measured = pairs(count, () => child([shape, variants[0], String(n)]), () => child(variants[1] === 'plain' ? ['stacks', 'A', String(n)] : [shape, variants[1], String(n)]),
    n <= WARM_UP_UP_TO ? 1 : 0);
  const digests = new Set([...measured.runs.A, ...measured.runs.B].map((r) => r.sha256));
  const phases = (v) => ({
    importCpuMs: median(measured.runs[v].map((r) => r.importCpuMs)),
    buildCpuMs: median(measured.runs[v].map((r) => r.buildCpuMs)),
    synthCpuMs: median(measured.runs[v].map((r) => r.synthCpuMs)),
  });
  return {
    shape, n, pairs: count,
    A: { ...measured.A, ...phases('A') }, B: { ...measured.B, ...phases('B') },
    ratio: measured.ratio,
    identicalOutput: digests.size === 1, bytes: measured.runs.A[0].bytes,
  };
}

/** Per-unit marginal CPU between the largest two sizes over that between the two below: 1 is linear. */
function growth(rows, variant) {
  const [a, b, c] = rows.slice(-3).map((r) => ({ n: r.n, cpu: r[variant].cpuMs.median }));
  const lower = (b.cpu - a.cpu) / (b.n - a.n);
  const upper = (c.cpu - b.cpu) / (c.n - b.n);
  return { sizes: [a.n, b.n, c.n], lowerMsPerUnit: lower, upperMsPerUnit: upper, value: upper / lower };
}

function versionOf(pkg) {
  return JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`, { paths: [ROOT] }), 'utf8')).version;
}

const f = {
  ms: (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`),
  mb: (mb) => `${mb.toFixed(0)} MB`,
  x: (r) => `${r.median.toFixed(3)} (${r.min.toFixed(3)}–${r.max.toFixed(3)})`,
  cpu: (s) => `${f.ms(s.cpuMs.median)} (${f.ms(s.cpuMs.min)}–${f.ms(s.cpuMs.max)})`,
};

function main() {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/ is missing: npm run bench builds it first; run `npm run build` if you call bench/run.js directly.');
  }
  const started = performance.now();
  const machine = {
    cpu: os.cpus()[0].model, cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version, platform: `${os.platform()} ${os.arch()}`, loadAverageAtStart: os.loadavg()[0],
  };
  const framework = {
    cdktf: versionOf('cdktf'), constructs: versionOf('constructs'),
    'provider-azurerm': versionOf('@cdktf/provider-azurerm'), 'provider-azuread': versionOf('@cdktf/provider-azuread'),
  };
  console.log(`cdktf-azure-identity benchmark${QUICK ? ' (--quick)' : ''}: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, node ${machine.node}, cdktf ${framework.cdktf}`);
  console.log('Every figure is a fresh process: CPU time (user + system) and peak RSS; median (min–max) of the pairs.\n');

  const imports = pairs(IMPORT_PAIRS, () => child(['import', 'A']), () => child(['import', 'B']), 1);
  delete imports.runs;
  imports.pairs = IMPORT_PAIRS;
  console.log(`import: the library's program ${f.cpu(imports.A)}, the hand-written program (cdktf + 6 deep modules) ${f.cpu(imports.B)}, ratio ${f.x(imports.ratio.cpu)}`);

  const rows = [];
  for (const { shape, sizes } of PLAN) {
    for (const [n, count] of sizes) {
      const row = measureShape(shape, n, count);
      rows.push(row);
      console.log(`${shape} N=${n} (${count} pair${count > 1 ? 's' : ''}): A ${f.cpu(row.A)}, B ${f.cpu(row.B)}, CPU A/B ${f.x(row.ratio.cpu)}, RSS A/B ${f.x(row.ratio.maxRss)}${row.identicalOutput ? '' : ', OUTPUT DIFFERS'}`);
    }
  }
  const reviewed = [];
  for (const [n, count] of REVIEWED) {
    const row = measureShape('reviewed', n, count, ['A', 'plain']);
    reviewed.push(row);
    console.log(`reviewed N=${n} (${count} pair${count > 1 ? 's' : ''}): ${f.cpu(row.A)} against the plain library's ${f.cpu(row.B)}, ${f.x(row.ratio.cpu)}`);
  }

  const byShape = (shape) => rows.filter((r) => r.shape === shape);
  const linearity = Object.fromEntries(PLAN.map(({ shape }) => [shape, { A: growth(byShape(shape), 'A'), B: growth(byShape(shape), 'B') }]));
  const targets = [
    ...rows.filter((r) => r.shape !== 'warnings').flatMap((r) => [
      { target: `CPU A/B, ${SHAPE_NAMES[r.shape].replace('N', r.n)}`, value: r.ratio.cpu.median, limit: LIMITS.ratio },
      { target: `peak RSS A/B, ${SHAPE_NAMES[r.shape].replace('N', r.n)}`, value: r.ratio.maxRss.median, limit: LIMITS.ratio },
    ]),
    { target: 'import CPU, the library\'s program / the hand-written program (cdktf + 6 deep modules)', value: imports.ratio.cpu.median, limit: LIMITS.importRatio },
    ...PLAN.map(({ shape }) => ({
      target: `linear in ${shape === 'warnings' ? 'warnings' : shape}: CPU per unit from ${linearity[shape].A.sizes[1]} to ${linearity[shape].A.sizes[2]} over that from ${linearity[shape].A.sizes[0]} to ${linearity[shape].A.sizes[1]} (hand-written: ${linearity[shape].B.value.toFixed(3)})`,
      value: linearity[shape].A.value, limit: LIMITS.linearity,
    })),
    { target: 'both variants write byte-identical files at every size (0 = yes)', value: rows.every((r) => r.identicalOutput) ? 0 : 1, limit: 0 },
  ].map((t) => ({ ...t, result: t.value <= t.limit ? 'PASS' : 'FAIL' }));
  const warningsCost = byShape('warnings').map((r) => ({ n: r.n, cpu: r.ratio.cpu.median, maxRss: r.ratio.maxRss.median }));
  const reviewCost = reviewed.map((r) => ({ n: r.n, cpu: r.ratio.cpu.median, maxRss: r.ratio.maxRss.median, extraCpuMsPerStack: (r.A.cpuMs.median - r.B.cpuMs.median) / r.n }));

  const results = {
    date: new Date().toISOString(), quick: QUICK, machine: { ...machine, loadAverageAtEnd: os.loadavg()[0] }, framework,
    method: 'fresh process per measurement; CPU = user + system at exit; memory = peak RSS; pairs alternating which variant runs first (A B, B A, ...), one uncounted pair first at sizes up to 100 and for the import; median of pair ratios',
    limits: LIMITS, imports, rows, reviewed, linearity, warningsCost, reviewCost, targets,
    elapsedSeconds: Math.round((performance.now() - started) / 1000),
  };
  fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

  console.log('\n| shape | N | pairs | A CPU | B CPU | CPU A/B | A peak RSS | B peak RSS | RSS A/B |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of [...rows, ...reviewed]) {
    console.log(`| ${r.shape} | ${r.n} | ${r.pairs} | ${f.cpu(r.A)} | ${f.cpu(r.B)} | ${f.x(r.ratio.cpu)} | ${f.mb(r.A.maxRssMb.median)} | ${f.mb(r.B.maxRssMb.median)} | ${f.x(r.ratio.maxRss)} |`);
  }
  console.log('(reviewed: B is the plain library, not hand-written code)');
  console.log(`\nwarnings-heavy shape, library against hand-written (no target; hand-written code warns about nothing): ${warningsCost.map((w) => `N=${w.n} CPU ${w.cpu.toFixed(3)}, RSS ${w.maxRss.toFixed(3)}`).join('; ')}`);
  console.log(`review features, against the plain library: ${reviewCost.map((c) => `${c.n} stacks CPU ${c.cpu.toFixed(3)}× (+${c.extraCpuMsPerStack.toFixed(1)} ms per stack), RSS ${c.maxRss.toFixed(3)}×`).join('; ')}`);
  console.log('');
  for (const t of targets) console.log(`${t.result}  ${t.target}: ${t.value.toFixed(3)} (target <= ${t.limit})`);
  console.log(`\nwrote ${path.relative(ROOT, RESULTS)} in ${results.elapsedSeconds} s`);
}

main();
