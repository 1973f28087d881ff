#!/usr/bin/env node
// npm run bench: the library (A) against hand-written L1 code (B), alternating in one process, for
// three shapes (bench/shapes.js). Writes bench/results.json and prints a table. Not part of npm test:
// its goals are targets, checked here, not assertions.
//
//   node --expose-gc bench/run.js [--quick]
//
// Times are medians of alternating in-process runs, each A/B ratio taken pair by pair. Peak RSS and
// scaling are measured in fresh child processes (bench/single-run.js), as one `cdktf synth` runs.
// Every process loads the compiled library (lib/), never TypeScript.
require('./library');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
require('cdktf'); // before its token map, which cdktf's own modules must have set up
const { TokenMap } = require('cdktf/lib/tokens/private/token-map');
const { synthShape } = require('./shapes');

const ROOT = path.resolve(__dirname, '..');
const QUICK = process.argv.includes('--quick');
const CASES = QUICK
  ? [{ shape: 'workloads', sizes: [100, 1000], pairs: 3 }, { shape: 'stacks', sizes: [50, 100], pairs: 3 }, { shape: 'warnings', sizes: [200], pairs: 3 }]
  : [
    { shape: 'workloads', sizes: [1000], pairs: 5 },
    { shape: 'workloads', sizes: [10000], pairs: 3 },
    { shape: 'stacks', sizes: [500, 1000], pairs: 3 },
    { shape: 'warnings', sizes: [2000], pairs: 3 },
  ];
/** Sizes of the library-only shape whose growth is checked: existing identities with credentials. */
const EXISTING_SIZES = QUICK ? [200, 400] : [1000, 2000];
const IMPORT_RUNS = 7;
const SCALING_RUNS = 3;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * cdktf keeps every token it ever made in a process-global map, and with it the constructs the
 * tokens point to, so each run would otherwise carry the heap of every earlier one. A `cdktf synth`
 * process starts with only the tokens made while loading modules; each run here starts the same way.
 */
const tokenMap = TokenMap.instance();
const tokensAtLoad = { string: new Set(tokenMap.stringTokenMap.keys()), number: new Set(tokenMap.numberTokenMap.keys()) };
function forgetEarlierRuns() {
  for (const key of [...tokenMap.stringTokenMap.keys()]) if (!tokensAtLoad.string.has(key)) tokenMap.stringTokenMap.delete(key);
  for (const key of [...tokenMap.numberTokenMap.keys()]) if (!tokensAtLoad.number.has(key)) tokenMap.numberTokenMap.delete(key);
}

function runOnce(shape, variant, n) {
  forgetEarlierRuns();
  if (global.gc) global.gc();
  return synthShape(shape, variant, n);
}

/** A synthesis in a fresh process: { totalMs, maxRssMb }. */
function freshRun(shape, variant, n) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', path.join(__dirname, 'single-run.js'), shape, variant, String(n)], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

/** Median wall time of a fresh `node -e` that requires the given modules. */
function importTime(script) {
  const times = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    const start = performance.now();
    execFileSync(process.execPath, ['-e', script], { cwd: ROOT });
    times.push(performance.now() - start);
  }
  return median(times);
}

function measureImports() {
  // The baseline requires cdktf plus exactly the deep L1 modules the library itself loads.
  const loaded = JSON.parse(execFileSync(process.execPath, ['-e', "require('./lib/index.js'); process.stdout.write(JSON.stringify(Object.keys(require.cache)))"], { cwd: ROOT, encoding: 'utf8' }));
  const deep = loaded.filter((m) => /[\\/]@cdktf[\\/]provider-[a-z0-9-]+[\\/]lib[\\/][a-z0-9-]+[\\/]index\.js$/.test(m))
    .map((m) => m.slice(m.lastIndexOf('@cdktf')).replace(/\\/g, '/').replace(/\/index\.js$/, ''));
  const wholeProvider = loaded.some((m) => /[\\/]@cdktf[\\/]provider-[a-z0-9-]+[\\/]lib[\\/](lazy-)?index\.js$/.test(m));
  const baselineScript = ["require('cdktf')", ...deep.map((m) => `require('${m}')`)].join(';');
  const library = importTime("require('./lib/index.js')");
  const baseline = importTime(baselineScript);
  return { libraryMs: library, baselineMs: baseline, ratio: library / baseline, deepModules: deep.length, loadsWholeProvider: wholeProvider };
}

function fmt(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function measure(shape, n, pairs) {
  const runs = { A: [], B: [] };
  for (let pair = 0; pair < pairs; pair++) {
    const order = pair % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
    for (const variant of order) runs[variant].push(runOnce(shape, variant, n));
  }
  const ratio = (key) => median(runs.A.map((a, i) => a[key] / runs.B[i][key]));
  const med = (variant, key) => median(runs[variant].map((r) => r[key]));
  const rss = { A: freshRun(shape, 'A', n).maxRssMb, B: freshRun(shape, 'B', n).maxRssMb };
  const side = (variant) => ({ constructMs: med(variant, 'construct'), synthMs: med(variant, 'synth'), totalMs: med(variant, 'total'), peakRssMb: rss[variant], jsonBytes: runs[variant][0].bytes });
  return { shape, n, pairs, A: side('A'), B: side('B'), ratio: { construct: ratio('construct'), synth: ratio('synth'), total: ratio('total'), peakRss: rss.A / rss.B } };
}

function main() {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/ is missing: npm run bench builds it first; run `npm run build` if you call bench/run.js directly.');
  }
  const started = performance.now();
  console.log(`cdktf-azure-identity benchmark: ${os.cpus().length} cores (${os.cpus()[0].model}), node ${process.version}${global.gc ? '' : ' (no --expose-gc)'}`);
  for (const shape of ['workloads', 'stacks', 'warnings']) for (const variant of ['A', 'B']) runOnce(shape, variant, 10); // warm up the JIT

  const rows = [];
  for (const { shape, sizes, pairs } of CASES) {
    for (const n of sizes) {
      const row = measure(shape, n, pairs);
      rows.push(row);
      console.log(`  ${shape} N=${n}: A ${fmt(row.A.totalMs)}, B ${fmt(row.B.totalMs)}, A/B ${row.ratio.total.toFixed(3)}, RSS A/B ${row.ratio.peakRss.toFixed(3)}`);
    }
  }

  const row = (shape, n) => rows.find((r) => r.shape === shape && r.n === n);
  const freshMedian = (shape, n) => median(Array.from({ length: SCALING_RUNS }, () => freshRun(shape, 'A', n).totalMs));
  const [smallStacks, bigStacks] = CASES.find((c) => c.shape === 'stacks').sizes;
  const stackScaling = freshMedian('stacks', bigStacks) / freshMedian('stacks', smallStacks);
  const reviewedScaling = freshMedian('reviewed', bigStacks) / freshMedian('reviewed', smallStacks);
  const [fewExisting, manyExisting] = EXISTING_SIZES;
  const existingScaling = freshMedian('existing', manyExisting) / freshMedian('existing', fewExisting);
  const imports = measureImports();
  const workloadSizes = CASES.filter((c) => c.shape === 'workloads').flatMap((c) => c.sizes);
  const targets = [
    ...workloadSizes.flatMap((n) => [
      { target: `time A/B, ${n} workloads in one stack`, value: row('workloads', n).ratio.total, limit: 1.05 },
      { target: `peak RSS A/B, ${n} workloads in one stack`, value: row('workloads', n).ratio.peakRss, limit: 1.05 },
    ]),
    { target: `time A/B, ${bigStacks} stacks`, value: row('stacks', bigStacks).ratio.total, limit: 1.05 },
    { target: `peak RSS A/B, ${bigStacks} stacks`, value: row('stacks', bigStacks).ratio.peakRss, limit: 1.05 },
    { target: `scaling time(${bigStacks} stacks)/time(${smallStacks} stacks), fresh processes`, value: stackScaling, limit: 2.1 },
    { target: `scaling with a LeastPrivilegeCheck per stack and TrustReport.of(app), time(${bigStacks} stacks)/time(${smallStacks} stacks), fresh processes`, value: reviewedScaling, limit: 2.1 },
    { target: `scaling time(${manyExisting} existing identities)/time(${fewExisting}), 3 credentials each, fresh processes`, value: existingScaling, limit: 2.1 },
    { target: 'import library / (cdktf + same deep L1 modules)', value: imports.ratio, limit: 1.25 },
    { target: 'requiring the library loads no whole prebuilt provider', value: imports.loadsWholeProvider ? 1 : 0, limit: 0 },
  ].map((t) => ({ ...t, result: t.value <= t.limit ? 'PASS' : 'FAIL' }));

  const results = {
    machine: { cores: os.cpus().length, cpu: os.cpus()[0].model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` },
    quick: QUICK,
    rows,
    stackScaling,
    reviewedScaling,
    existingScaling,
    imports,
    targets,
    elapsedSeconds: (performance.now() - started) / 1000,
  };
  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log('');
  console.log('| shape | N | A total | B total | A/B time | A peak RSS | B peak RSS | A/B RSS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(`| ${r.shape} | ${r.n} | ${fmt(r.A.totalMs)} | ${fmt(r.B.totalMs)} | ${r.ratio.total.toFixed(3)} | ${r.A.peakRssMb} MB | ${r.B.peakRssMb} MB | ${r.ratio.peakRss.toFixed(3)} |`);
  }
  console.log(`\nscaling time(${bigStacks} stacks)/time(${smallStacks} stacks): ${stackScaling.toFixed(3)} in fresh processes`);
  console.log(`scaling with a LeastPrivilegeCheck per stack and TrustReport.of(app): ${reviewedScaling.toFixed(3)}`);
  console.log(`scaling with existing identities: ${existingScaling.toFixed(3)}`);
  console.log(`import: library ${fmt(imports.libraryMs)}, cdktf + ${imports.deepModules} deep L1 modules ${fmt(imports.baselineMs)}`);
  console.log('');
  for (const t of targets) console.log(`${t.result}  ${t.target}: ${t.value.toFixed(3)} (goal <= ${t.limit})`);
  console.log(`\nwrote bench/results.json in ${results.elapsedSeconds.toFixed(0)} s`);
}

main();
