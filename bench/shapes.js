// The shapes the benchmark synthesizes, each written with the library (A) and by hand (B):
//   workloads: N workloads in one stack
//   stacks:    N stacks of 2 workloads each
//   warnings:  N workloads in one stack, each trusting 3 GitHub branches by name only (a warning each)
//   reviewed:  the stacks shape, each stack with a LeastPrivilegeCheck, and `TrustReport.of(app)`: a
//              page per stack and one for the app (the library only: hand-written code has neither)
//   existing:  N existing identities, referred to by resource ID, with three federated credentials each
//              (the library only: its checks of an existing identity have no hand-written counterpart)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, TerraformStack } = require('cdktf');
const { LeastPrivilegeCheck, TrustReport, UserAssignedIdentity } = require('cdktf-azure-identity');
const { Construct } = require('constructs');
const { CREDENTIALS_PER_WORKLOAD, TRUSTS, addProviders, buildHandWritten, buildWithLibrary } = require('./workloads');

const BUILDERS = { A: buildWithLibrary, B: buildHandWritten };
const TENANT_ID = '11111111-2222-3333-4444-555555555555';
const SUBSCRIPTION_ID = '44444444-5555-6666-7777-888888888888';
const CLIENT_ID = '22222222-3333-4444-5555-666666666666';
const PRINCIPAL_ID = '33333333-4444-5555-6666-777777777777';

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
    for (const stack of app.node.children) {
      // Checks the first workload's grants against a configuration that needs none: a warning each.
      new LeastPrivilegeCheck(stack, 'Check', { grantee: stack.node.findChild('W0'), requiredBy: new Construct(stack, 'Workload') });
    }
    TrustReport.of(app);
  },
  existing: (app, variant, n) => {
    const stack = new TerraformStack(app, 'bench');
    addProviders(stack);
    for (let i = 0; i < n; i++) {
      const identity = UserAssignedIdentity.fromAttributes(stack, `E${i}`, {
        resourceId: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-bench/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-existing-${i}`,
        clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID,
      });
      for (let j = 0; j < CREDENTIALS_PER_WORKLOAD; j++) identity.addFederatedCredential(`K${j}`, TRUSTS.kubernetes(i, j).trust);
    }
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
