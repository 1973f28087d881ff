// The shapes the benchmark synthesizes, each written with the library (A) and by hand (B):
//   workloads: N workloads in one stack
//   stacks:    N stacks of 2 workloads each
//   warnings:  N workloads in one stack, each trusting 3 GitHub branches by name only (a warning each)
//   reviewed:  the stacks shape with `TrustReport.of(app)`: a page per stack and one for the app
//              (the library only: hand-written code has no report to compare with)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, TerraformStack } = require('cdktf');
const { TrustReport } = require('cdktf-azure-identity');
const { addProviders, buildHandWritten, buildWithLibrary } = require('./workloads');

const BUILDERS = { A: buildWithLibrary, B: buildHandWritten };

const SHAPES = {
  workloads: (app, variant, n) => {
    const stack = new TerraformStack(app, 'bench');
    addProviders(stack);
    BUILDERS[variant](stack, n);
  },
  stacks: (app, variant, n) => {
    for (let s = 0; s < n; s++) {
      const stack = new TerraformStack(app, `bench-${s}`);
      addProviders(stack);
      BUILDERS[variant](stack, 2);
    }
  },
  reviewed: (app, variant, n) => {
    SHAPES.stacks(app, variant, n);
    TrustReport.of(app);
  },
  warnings: (app, variant, n) => {
    const stack = new TerraformStack(app, 'bench');
    addProviders(stack);
    BUILDERS[variant](stack, n, 'github');
  },
};

/** One synthesis: construct time, synth time (validation and writing), total, and the bytes written. */
function synthShape(shape, variant, n) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-bench-'));
  try {
    const start = performance.now();
    const app = new App({ outdir });
    SHAPES[shape](app, variant, n);
    const built = performance.now();
    app.synth();
    const done = performance.now();
    const stacks = path.join(outdir, 'stacks');
    const bytes = fs.readdirSync(stacks).reduce((sum, dir) => sum + fs.statSync(path.join(stacks, dir, 'cdk.tf.json')).size, 0);
    return { construct: built - start, synth: done - built, total: done - start, bytes };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

module.exports = { SHAPES, synthShape };
