// One synthesis in a fresh process, as one `cdktf synth` runs: node bench/single-run.js A|B N
// Prints its total time (after a small warm-up run) and the process's peak resident set size.
require('../scripts/register');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, TerraformStack } = require('cdktf');
const { addProviders, buildHandWritten, buildWithLibrary } = require('./workloads.ts');

const [variant, n] = [process.argv[2], Number(process.argv[3])];
const build = variant === 'A' ? buildWithLibrary : buildHandWritten;

function synth(workloads) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-bench-'));
  try {
    const start = performance.now();
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'bench');
    addProviders(stack);
    build(stack, workloads);
    app.synth();
    return performance.now() - start;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

synth(20);
const totalMs = synth(n);
// maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ variant, workloads: n, totalMs, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
