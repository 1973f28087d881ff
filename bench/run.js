#!/usr/bin/env node
// npm run bench: the library (A) against hand-written L1 code (B), in one process, alternating.
// Writes bench/results.json and prints a table. Not part of npm test: its goals are targets, not assertions.
//
//   node --expose-gc bench/run.js [--quick]
//
// Peak RSS and scaling are measured in fresh child processes (bench/single-run.js), as one
// `cdktf synth` runs: the resident size of a long-lived process says little about a single run, and
// V8's heap after many earlier runs slows the later, larger ones.
require('../scripts/register');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, TerraformStack } = require('cdktf');
const { TokenMap } = require('cdktf/lib/tokens/private/token-map');
const { addProviders, buildHandWritten, buildWithLibrary } = require('./workloads.ts');

const ROOT = path.resolve(__dirname, '..');
const QUICK = process.argv.includes('--quick');
const SIZES = QUICK ? [50, 100, 200] : [250, 1000, 2000];
const PAIRS = QUICK ? 3 : 5;
const IMPORT_RUNS = 7;
const VARIANTS = { A: buildWithLibrary, B: buildHandWritten };

function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

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

/** One synthesis of `n` workloads: construct time, synth time (validation + writing JSON), bytes. */
function runOnce(variant, n) {
  forgetEarlierRuns();
  if (global.gc) global.gc();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-bench-'));
  try {
    const start = now();
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'bench');
    addProviders(stack);
    VARIANTS[variant](stack, n);
    const built = now();
    app.synth();
    const done = now();
    const bytes = fs.statSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json')).size;
    return { construct: built - start, synth: done - built, total: done - start, bytes };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** A synthesis in a fresh process: { totalMs, maxRssMb }. */
function freshRun(variant, n) {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'single-run.js'), variant, String(n)], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

/** Median wall time of a fresh `node -e` that requires the given modules. */
function importTime(script) {
  const times = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    const start = now();
    execFileSync(process.execPath, ['-e', script], { cwd: ROOT });
    times.push(now() - start);
  }
  return median(times);
}

function measureImports() {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/ is missing: npm run bench builds it first; run `npm run build` if you call bench/run.js directly.');
  }
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

function main() {
  const started = now();
  console.log(`cdktf-azure-identity benchmark: ${os.cpus().length} cores (${os.cpus()[0].model}), node ${process.version}${global.gc ? '' : ' (no --expose-gc)'}`);
  runOnce('A', 20); runOnce('B', 20); // warm up the JIT for both

  const sizes = [];
  for (const n of SIZES) {
    const runs = { A: [], B: [] };
    for (let pair = 0; pair < PAIRS; pair++) {
      const order = pair % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
      for (const variant of order) runs[variant].push(runOnce(variant, n));
    }
    const ratio = (key) => median(runs.A.map((a, i) => a[key] / runs.B[i][key]));
    const med = (variant, key) => median(runs[variant].map((r) => r[key]));
    const rss = { A: freshRun('A', n).maxRssMb, B: freshRun('B', n).maxRssMb };
    sizes.push({
      workloads: n,
      resources: n * 9 + 1,
      A: { constructMs: med('A', 'construct'), synthMs: med('A', 'synth'), totalMs: med('A', 'total'), peakRssMb: rss.A, jsonBytes: runs.A[0].bytes },
      B: { constructMs: med('B', 'construct'), synthMs: med('B', 'synth'), totalMs: med('B', 'total'), peakRssMb: rss.B, jsonBytes: runs.B[0].bytes },
      ratio: { construct: ratio('construct'), synth: ratio('synth'), total: ratio('total'), peakRss: rss.A / rss.B },
    });
    console.log(`  N=${n}: A ${fmt(med('A', 'total'))}, B ${fmt(med('B', 'total'))}, A/B ${ratio('total').toFixed(3)}`);
  }

  const bySize = (n) => sizes.find((s) => s.workloads === n);
  const [, mid, big] = SIZES;
  const fresh = (n) => median(Array.from({ length: 3 }, () => freshRun('A', n).totalMs));
  const scaling = fresh(big) / fresh(mid);
  const scalingInProcess = bySize(big).A.totalMs / bySize(mid).A.totalMs;
  const imports = measureImports();
  const targets = [
    { target: `total time A/B at N=${mid}`, value: bySize(mid).ratio.total, limit: 1.10 },
    { target: `total time A/B at N=${big}`, value: bySize(big).ratio.total, limit: 1.10 },
    { target: `peak RSS A/B at N=${big}`, value: bySize(big).ratio.peakRss, limit: 1.10 },
    { target: `scaling time(${big})/time(${mid}), fresh processes`, value: scaling, limit: 2.1 },
    { target: 'import library / (cdktf + same deep L1 modules)', value: imports.ratio, limit: 1.25 },
    { target: 'requiring the library loads no whole prebuilt provider', value: imports.loadsWholeProvider ? 1 : 0, limit: 0 },
  ].map((t) => ({ ...t, result: t.value <= t.limit ? 'PASS' : 'FAIL' }));

  const results = {
    machine: { cores: os.cpus().length, cpu: os.cpus()[0].model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` },
    quick: QUICK,
    pairs: PAIRS,
    sizes,
    scaling,
    scalingInProcess,
    imports,
    targets,
    elapsedSeconds: (now() - started) / 1000,
  };
  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log('');
  console.log('| N | A construct | A synth | A total | B total | A/B total | A peak RSS | B peak RSS | JSON |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const s of sizes) {
    console.log(`| ${s.workloads} | ${fmt(s.A.constructMs)} | ${fmt(s.A.synthMs)} | ${fmt(s.A.totalMs)} | ${fmt(s.B.totalMs)} | ${s.ratio.total.toFixed(3)} | ${s.A.peakRssMb} MB | ${s.B.peakRssMb} MB | ${(s.A.jsonBytes / 1e6).toFixed(1)} MB |`);
  }
  console.log(`\nscaling time(${big})/time(${mid}): ${scaling.toFixed(3)} in fresh processes, ${scalingInProcess.toFixed(3)} within this one`);
  console.log(`import: library ${fmt(imports.libraryMs)}, cdktf + ${imports.deepModules} deep L1 modules ${fmt(imports.baselineMs)}`);
  console.log('');
  for (const t of targets) console.log(`${t.result}  ${t.target}: ${t.value.toFixed(3)} (goal <= ${t.limit})`);
  console.log(`\nwrote bench/results.json in ${results.elapsedSeconds.toFixed(0)} s`);
}

main();
