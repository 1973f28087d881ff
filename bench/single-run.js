// One measurement: a fresh process that loads one variant, builds one shape and synthesizes it, as
// one `cdktf synth` runs its app. Prints the process's CPU time (user + system since the process
// started, node's own start-up included) and its peak resident set size, then the output's digest,
// taken after the measurement so that neither is charged for it.
//
//   node bench/single-run.js SHAPE A|B N
//   node bench/single-run.js import A|B      (only what the variant requires)
require('./library');
const fs = require('fs');

/** CPU milliseconds and peak RSS (MB) of this process so far. */
function usage() {
  const u = process.resourceUsage();
  return { cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024 };
}

function importOnly(letter) {
  for (const m of require('./fixtures').IMPORTS[letter]) require(m);
  return { shape: 'import', variant: letter, ...usage() };
}

function synthesize(shape, letter, n) {
  const { SHAPES, VARIANTS, digestOf, tempOutdir } = require('./shapes');
  const { App } = require('cdktf');
  const variant = require(VARIANTS[letter]);
  const imported = usage().cpuMs;
  const outdir = tempOutdir();
  const app = new App({ outdir });
  SHAPES[shape](app, variant, n);
  const built = usage().cpuMs;
  app.synth();
  const done = usage();
  const result = {
    shape, variant: letter, n, ...done,
    importCpuMs: imported, buildCpuMs: built - imported, synthCpuMs: done.cpuMs - built,
    ...digestOf(outdir),
  };
  fs.rmSync(outdir, { recursive: true, force: true });
  return result;
}

const [shape, letter, n] = process.argv.slice(2);
process.stdout.write(JSON.stringify(shape === 'import' ? importOnly(letter) : synthesize(shape, letter, Number(n))));
