import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { Microsoft365Provider, ProviderAuth, UserAssignedIdentity } from '../../src';
import { TENANT_ID, addProviders, warningsOf } from '../util';

test('an identity in one stack and the provider that signs in as it in another are wired by cross-stack references', () => {
  const app = Testing.app();
  const identities = new TerraformStack(app, 'identities');
  addProviders(identities);
  const runner = new UserAssignedIdentity(identities, 'Runner', { name: 'id-runner', resourceGroupName: 'rg', location: 'westeurope' });
  const workload = new TerraformStack(app, 'workload');
  new Microsoft365Provider(workload, 'M365', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity: runner }) });
  app.synth();

  const read = (stack: string) => JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  const producer = read('identities');
  const consumer = read('workload');
  const [outputName, output] = Object.entries(producer.output as object).find(([name]) => name.includes('client_id'))!;
  expect(output.value).toMatch(/^\$\{azurerm_user_assigned_identity\.\w+\.client_id\}$/);
  const [remoteState] = Object.keys(consumer.data.terraform_remote_state);
  expect(consumer.provider.microsoft365[0].entra_id_options.managed_identity_id)
    .toBe(`\${data.terraform_remote_state.${remoteState}.outputs.${outputName}}`);
  // Separate stacks: the provider's settings are known at plan time, so no warning.
  expect(warningsOf(workload)).toEqual([]);
});
