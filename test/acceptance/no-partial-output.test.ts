import * as fs from 'fs';
import * as path from 'path';
import { Annotations, App, TerraformStack, Testing } from 'cdktf';
import { Trust, TrustReport, UserAssignedIdentity } from '../../src';
import { addProviders } from '../util';

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
