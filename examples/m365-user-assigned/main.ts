// Scenario 2: Terraform runs on a VM or App Service that wears a user-assigned identity, and the
// microsoft365 provider selects it by client ID.
//
// The provider sends managed_identity_id to Azure as a client ID, so the library refuses a resource
// ID there; with only a resource ID, look the identity up by name (UserAssignedIdentity.fromLookup).
//
// Two working patterns: the identity holds the Graph permissions and microsoft365 signs in as it
// (ByClientId); or an app registration holds them and trusts the identity, and microsoft365 signs in
// as the app with the identity's managed-identity token (AsApp; fetch the token with the line in the
// FetchTokenOnTheMachine output before Terraform runs).
//
// In this repository: node -r ./scripts/register.js examples/m365-user-assigned/main.ts
// In your own CDKTF app (README, "Install"): save this file as main.ts and run `npx cdktf synth`;
// it imports cdktf-azure-identity by name, as your app does, and synthesizes when run directly.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { AppRegistration, Microsoft365Provider, ProviderAuth, Runner, UserAssignedIdentity } from 'cdktf-azure-identity';

const TENANT_ID = '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b';

export function build(app: App): TerraformStack[] {
  const identity = new TerraformStack(app, 'm365-uami-identity');
  new AzurermProvider(identity, 'azurerm', { features: [{}] });
  new AzureadProvider(identity, 'azuread', { tenantId: TENANT_ID });
  const runner = new UserAssignedIdentity(identity, 'Runner', {
    name: 'id-m365-runner', resourceGroupName: 'rg-identity', location: 'westeurope',
  });
  runner.grantGraphAppRoles('Graph', ['DeviceManagementConfiguration.Read.All', 'DeviceManagementManagedDevices.Read.All']);

  // The machine that wears the identity, and an app that trusts it as its credential.
  const machine = Runner.azureCompute({ identity: runner });
  const reader = new AppRegistration(identity, 'ReaderApp', { displayName: 'terraform-m365-reader' });
  reader.grantGraphAppRoles('Graph', ['DeviceManagementConfiguration.Read.All', 'DeviceManagementManagedDevices.Read.All']);
  for (const [i, trust] of machine.trustsFor(reader).entries()) reader.addFederatedCredential(`Machine${i}`, trust);
  new TerraformOutput(identity, 'FetchTokenOnTheMachine', { value: machine.setupLines(reader).join('\n') });

  // The workload stack reads the identity's IDs from the identity stack's outputs, so they are
  // known when the workload is planned.
  const workload = new TerraformStack(app, 'm365-uami-workload');
  new Microsoft365Provider(workload, 'ByClientId', {
    tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ clientId: runner.clientId }),
  });
  new Microsoft365Provider(workload, 'AsApp', { alias: 'as_app', tenantId: TENANT_ID, auth: machine.providerAuth(reader) });
  return [identity, workload];
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
