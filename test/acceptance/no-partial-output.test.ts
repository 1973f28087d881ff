import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Construct } from 'constructs';
import { Annotations, App, Aspects, TerraformStack, Testing } from 'cdktf';
import { Trust, TrustReport, UserAssignedIdentity } from '../../src';
import { ValidationError } from '../../src/core/validation-error';
import { addProviders, thrownBy } from '../util';

function appWithAnInvalidLaterStack(): App {
  const app = Testing.app();
  const good = new TerraformStack(app, 'good');
  addProviders(good);
  new UserAssignedIdentity(good, 'Fine', { name: 'id-fine', resourceGroupName: 'rg', location: 'westeurope' });
  const bad = new TerraformStack(app, 'bad');
  addProviders(bad);
  const crowded = new UserAssignedIdentity(bad, 'Crowded', { name: 'id-crowded', resourceGroupName: 'rg', location: 'westeurope' });
  for (let i = 1; i <= 21; i++) {
    crowded.addFederatedCredential(`Sa${i}`, Trust.kubernetes({ issuerUrl: 'https://issuer.example/', namespace: 'ns', serviceAccountName: `sa-${i}` }));
  }
  return app;
}

test('a synth that fails validation writes no stack at all, not even the valid ones before it', () => {
  const app = appWithAnInvalidLaterStack();
  expect(() => app.synth()).toThrow('holds 21 federated identity credentials');
  for (const stack of ['good', 'bad']) {
    expect(fs.existsSync(path.join(app.outdir, 'stacks', stack, 'cdk.tf.json'))).toBe(false);
  }
});

test('an eager error leaves nothing written either', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'eager');
  addProviders(stack);
  expect(() => new UserAssignedIdentity(stack, 'Bad', { name: 'x', resourceGroupName: 'rg', location: 'westeurope' })).toThrow();
  expect(fs.existsSync(path.join(app.outdir, 'stacks', 'eager', 'cdk.tf.json'))).toBe(false);
});

test('skipValidation is respected', () => {
  const app = appWithAnInvalidLaterStack();
  (app as unknown as { skipValidation: boolean }).skipValidation = true;
  expect(() => app.synth()).not.toThrow();
});

test('an error annotation anywhere stops the synth before any file is written', () => {
  const app = Testing.app();
  const first = new TerraformStack(app, 'first');
  addProviders(first);
  new UserAssignedIdentity(first, 'Fine', { name: 'id-fine', resourceGroupName: 'rg', location: 'westeurope' });
  TrustReport.of(app);
  const second = new TerraformStack(app, 'second');
  addProviders(second);
  Annotations.of(second).addError('something the user flagged');
  TrustReport.of(app);
  expect(() => app.synth()).toThrow('[second] something the user flagged');
  expect(fs.existsSync(path.join(app.outdir, 'stacks', 'first', 'cdk.tf.json'))).toBe(false);
  expect(fs.existsSync(path.join(app.outdir, 'stacks', 'first', TrustReport.FILE_NAME))).toBe(false);
});

const written = (app: App) => fs.existsSync(path.join(app.outdir, 'stacks'))
  ? fs.readdirSync(path.join(app.outdir, 'stacks'), { recursive: true }).map(String).filter((f) => f.includes('.')).sort()
  : [];

test("an error annotation from a user's own aspect in a later stack leaves nothing written", () => {
  const app = Testing.app();
  const first = new TerraformStack(app, 'first');
  addProviders(first);
  new UserAssignedIdentity(first, 'Fine', { name: 'id-fine', resourceGroupName: 'rg', location: 'westeurope' });
  const later = new TerraformStack(app, 'later');
  addProviders(later);
  Aspects.of(later).add({ visit: (node) => { if (node === later) Annotations.of(node).addError('policy: no public endpoints'); } });
  expect(() => app.synth()).toThrow('[later] policy: no public endpoints');
  expect(written(app)).toEqual([]);
});

test('stacks created after the library was used, and stacks nested under a grouping construct, are covered', () => {
  // cdktn's future flag failOnConstructsOutsideOfStacks (on in Testing.app and in `cdktn init` apps)
  // refuses a grouping construct under the app before any stack synthesizes; cdktf has no such flag.
  const app = Testing.app({ enableFutureFlags: false });
  const group = new Construct(app, 'Team');
  const early = new TerraformStack(group, 'early');
  addProviders(early);
  new UserAssignedIdentity(early, 'Fine', { name: 'id-fine', resourceGroupName: 'rg', location: 'westeurope' });
  const late = new TerraformStack(new Construct(app, 'Other'), 'late');
  addProviders(late);
  late.node.addValidation({ validate: () => ['late stack is wrong'] });
  expect(() => app.synth()).toThrow('late stack is wrong');
  expect(written(app)).toEqual([]);
});

test('a validation error does not advise skipValidation, and is the library\'s error type', () => {
  const error = thrownBy(() => appWithAnInvalidLaterStack().synth());
  expect(ValidationError.isValidationError(error)).toBe(true);
  expect((error as Error).message).toContain('holds 21 federated identity credentials');
  expect((error as Error).message).not.toContain('skipValidation');
  expect((error as Error).message).toContain('Nothing was written');
});

test('a successful synth writes every stack, and each stack is validated once', () => {
  const app = Testing.app();
  let validations = 0;
  for (const id of ['a', 'b', 'c']) {
    const stack = new TerraformStack(app, id);
    addProviders(stack);
    new UserAssignedIdentity(stack, 'Id', { name: `id-${id}-x`, resourceGroupName: 'rg', location: 'westeurope' });
    stack.node.addValidation({ validate: () => { validations++; return []; } });
  }
  app.synth();
  expect(validations).toBe(3);
  expect(written(app)).toEqual(['a/cdk.tf.json', 'b/cdk.tf.json', 'c/cdk.tf.json']);
  expect(fs.readdirSync(app.outdir).filter((f) => f.startsWith('.staging'))).toEqual([]);
});

/** Every file and folder under `dir`, with each file's content: what "exactly as it was" compares. */
function snapshot(dir: string): { [relative: string]: string } {
  return Object.fromEntries(fs.readdirSync(dir, { recursive: true }).map(String).sort().map((relative) => {
    const full = path.join(dir, relative);
    return [relative, fs.statSync(full).isDirectory() ? '(folder)' : fs.readFileSync(full, 'utf8')];
  }));
}

function threeStacks(app: App): void {
  for (const id of ['a', 'b', 'c']) {
    const stack = new TerraformStack(app, id);
    addProviders(stack);
    new UserAssignedIdentity(stack, 'Id', { name: `id-${id}-x`, resourceGroupName: 'rg', location: 'westeurope' });
  }
  TrustReport.of(app);
}

test('a move into place that fails half-way puts back what it moved: the output folder is exactly as before', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'blocked-'));
  const before = Testing.app({ outdir });
  threeStacks(before);
  before.synth();
  // Terraform's own files in a stack folder, and a file where stack c's folder must go.
  fs.writeFileSync(path.join(outdir, 'stacks', 'a', 'plan.tfplan'), 'a plan');
  fs.rmSync(path.join(outdir, 'stacks', 'c'), { recursive: true });
  fs.writeFileSync(path.join(outdir, 'stacks', 'c'), 'not a folder');
  const expected = snapshot(outdir);

  const again = Testing.app({ outdir });
  threeStacks(again);
  new UserAssignedIdentity(again.node.findChild('a'), 'Added', { name: 'id-added', resourceGroupName: 'rg', location: 'westeurope' });
  expect(() => again.synth()).toThrow();
  expect(snapshot(outdir)).toEqual(expected);
});

test('a new stack folder moved into place whole is moved back when a later stack cannot be placed', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'blocked-new-'));
  const before = Testing.app({ outdir });
  for (const id of ['a', 'c']) {
    const stack = new TerraformStack(before, id);
    addProviders(stack);
    new UserAssignedIdentity(stack, 'Id', { name: `id-${id}-x`, resourceGroupName: 'rg', location: 'westeurope' });
  }
  before.synth();
  fs.rmSync(path.join(outdir, 'stacks', 'c'), { recursive: true });
  fs.writeFileSync(path.join(outdir, 'stacks', 'c'), 'not a folder');
  const expected = snapshot(outdir);

  // Stack b has no folder yet, so it moves in whole; stack c, placed after it, cannot be.
  const again = Testing.app({ outdir });
  threeStacks(again);
  expect(() => again.synth()).toThrow();
  expect(snapshot(outdir)).toEqual(expected);
});

test('a stack that never meets the library, added later under an earlier grouping construct, is staged too, in every language', () => {
  const app = Testing.app({ enableFutureFlags: false }); // a grouping construct: see above
  const group = new Construct(app, 'Group');
  const used = new TerraformStack(app, 'used');
  addProviders(used);
  new UserAssignedIdentity(used, 'Id', { name: 'id-used', resourceGroupName: 'rg', location: 'westeurope' });
  // Synthesized first (it comes first in the tree), and created after the library's first construct.
  const plain = new TerraformStack(group, 'plain');
  addProviders(plain);
  used.node.addValidation({ validate: () => ['used is wrong'] });
  // As Python, Java, C# and Go call it: through the class's method, not a property of the instance.
  expect(() => App.prototype.synth.call(app)).toThrow('used is wrong');
  expect(written(app)).toEqual([]);
});

test("a failing validation of the app itself, which cdktf runs after the last stack, leaves nothing written", () => {
  const app = Testing.app();
  threeStacks(app);
  app.node.addValidation({ validate: () => ['the app is wrong'] });
  expect(() => app.synth()).toThrow('the app is wrong');
  expect(written(app)).toEqual([]);
  expect(fs.readdirSync(app.outdir).filter((f) => f.startsWith('.staging'))).toEqual([]);
});

test('Testing.fullSynth of one stack of several writes that stack', () => {
  const app = Testing.app();
  threeStacks(app);
  const outdir = Testing.fullSynth(app.node.findChild('b') as TerraformStack);
  expect(fs.readdirSync(outdir, { recursive: true }).map(String).sort()).toEqual(['manifest.json', 'stacks', 'stacks/b', 'stacks/b/cdk.tf.json']);
});
