// The shapes the benchmark synthesizes. `variant` is bench/with-library.js (A) or
// bench/hand-written.js (B), required by the caller so that a process loads only its own variant.
//   workloads: N workloads in one stack
//   stacks:    N stacks of 2 workloads each
//   warnings:  N workloads in one stack, each trusting 3 GitHub branches by name only (a warning each)
//   reviewed:  the stacks shape with the review features: a LeastPrivilegeCheck per stack and
//              `TrustReport.of(app)`, a page per stack and one for the app (library only: measured
//              against the plain library, since hand-written code has neither)
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');

const SHAPES = {
  workloads: (app, variant, n) => {
    const { TerraformStack } = require('cdktf');
    const stack = new TerraformStack(app, 'bench');
    variant.addProviders(stack);
    variant.build(stack, n);
  },
  stacks: (app, variant, n) => {
    const { TerraformStack } = require('cdktf');
    for (let s = 0; s < n; s++) {
      const stack = new TerraformStack(app, `bench-${s}`);
      variant.addProviders(stack);
      variant.build(stack, 2);
    }
  },
  warnings: (app, variant, n) => {
    const { TerraformStack } = require('cdktf');
    const stack = new TerraformStack(app, 'bench');
    variant.addProviders(stack);
    variant.build(stack, n, 'github');
  },
  reviewed: (app, variant, n) => {
    const { Construct } = require('constructs');
    const { TerraformStack } = require('cdktf');
    const { LeastPrivilegeCheck, TrustReport } = require('cdktf-azure-identity');
    SHAPES.stacks(app, variant, n);
    // Only the stacks: the library keeps its app-wide state in a construct of its own at the root.
    for (const stack of app.node.children.filter((c) => TerraformStack.isStack(c))) {
      // Checks the first workload's grants against a configuration that needs none: a warning each.
      new LeastPrivilegeCheck(stack, 'Check', { grantee: stack.node.findChild('W0'), requiredBy: new Construct(stack, 'Workload') });
    }
    TrustReport.of(app);
  },
};

/** The variant modules, by letter. */
const VARIANTS = { A: './with-library', B: './hand-written' };

/** Every stack's cdk.tf.json under `outdir`, in a stable order. */
function stackFiles(outdir) {
  const stacks = path.join(outdir, 'stacks');
  return fs.readdirSync(stacks).sort().map((dir) => path.join(stacks, dir, 'cdk.tf.json'));
}

/** A digest of every stack's cdk.tf.json, and their total size, for comparing the variants' output. */
function digestOf(outdir) {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for (const file of stackFiles(outdir)) {
    const content = fs.readFileSync(file);
    bytes += content.length;
    hash.update(path.relative(outdir, file)).update('\0').update(content).update('\0');
  }
  return { bytes, sha256: hash.digest('hex') };
}

function tempOutdir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-bench-'));
}

module.exports = { SHAPES, VARIANTS, digestOf, stackFiles, tempOutdir };
