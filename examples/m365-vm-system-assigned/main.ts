// Scenario 1: Terraform runs on an Azure VM and manages Intune through the microsoft365 provider.
//
// The VM's system-assigned identity cannot sign in to microsoft365 0.57.1-alpha (the provider sends an
// empty client ID, which the Azure SDK rejects), so the provider signs in as a user-assigned identity
// attached to the VM, selected by its client ID. The system-assigned identity stays where it works:
// azurerm's use_msi, here with an Azure RBAC role.
//
// - stack m365-vm-identity: the platform team creates the runner identity and grants it Graph permissions;
//   attach it to the VM once: az vm identity assign -g rg-automation -n vm-terraform-runner --identities <its resource ID>
// - stack m365-vm-workload: what runs on the VM, with provider blocks and nothing secret.
//
// Two working patterns, side by side:
// 1. rights on the identity: microsoft365 signs in as the user-assigned identity, which holds the Graph
//    permissions itself;
// 2. the identity as the app's credential (what the provider's managed-identity guide means): an app
//    registration holds the permissions and trusts the VM's system-assigned identity, and microsoft365
//    signs in as the app with the VM's managed-identity token in a file (its `oidc` method). This gives
//    the system-assigned identity a working path to microsoft365. Before Terraform runs on the VM, fetch
//    the token with the line in the FetchTokenOnTheVm output.
//
// In this repository: node -r ./scripts/register.js examples/m365-vm-system-assigned/main.ts
// In your own CDKTF app (README, "Install"): save this file as main.ts and run `npx cdktf synth`;
// it imports cdktf-azure-identity by name, as your app does, and synthesizes when run directly.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { DataAzurermVirtualMachine } from '@cdktf/provider-azurerm/lib/data-azurerm-virtual-machine';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import {
  AppRegistration, AzureProviders, Microsoft365Provider, ProviderAuth, Runner, SystemAssignedIdentity, UserAssignedIdentity,
} from 'cdktf-azure-identity';

const TENANT_ID = '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b';
const SUBSCRIPTION_ID = '5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

export function build(app: App): TerraformStack[] {
  const identity = new TerraformStack(app, 'm365-vm-identity');
  new AzurermProvider(identity, 'azurerm', { features: [{}] });
  new AzureadProvider(identity, 'azuread', { tenantId: TENANT_ID });

  const runner = new UserAssignedIdentity(identity, 'TerraformRunner', {
    name: 'id-terraform-m365', resourceGroupName: 'rg-automation', location: 'westeurope',
  });
  // Writing Intune configuration is tier 0: scripts and settings run on every managed device.
  runner.grantGraphAppRoles('Graph', ['DeviceManagementConfiguration.ReadWrite.All', 'DeviceManagementApps.Read.All', 'Group.Read.All'], {
    allowPrivileged: true,
  });

  const vm = new DataAzurermVirtualMachine(identity, 'TerraformVm', { name: 'vm-terraform-runner', resourceGroupName: 'rg-automation' });
  const vmIdentity = SystemAssignedIdentity.fromPrincipalId(identity, 'TerraformVmIdentity', {
    principalId: vm.identity.get(0).principalId,
    tenantId: TENANT_ID,
  });
  vmIdentity.grantAzureRole('Reader', { armScope: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-automation`, roleDefinitionName: 'Reader' });

  // Pattern 2: the app holds the rights and trusts the VM's system-assigned identity.
  const vm2 = Runner.azureCompute({ identity: vmIdentity });
  const intune = new AppRegistration(identity, 'IntuneApp', { displayName: 'terraform-m365-intune' });
  intune.grantGraphAppRoles('Graph', ['DeviceManagementApps.Read.All', 'Group.Read.All']);
  for (const [i, trust] of vm2.trustsFor(intune).entries()) intune.addFederatedCredential(`Vm${i}`, trust);

  const workload = new TerraformStack(app, 'm365-vm-workload');
  // The runner identity's client ID comes from the identity stack (a cross-stack reference).
  new Microsoft365Provider(workload, 'Microsoft365', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity: runner }) });
  // azurerm signs in as the VM's own system-assigned identity through IMDS.
  AzureProviders.azurerm(workload, 'azurerm', { auth: ProviderAuth.managedIdentity(), tenantId: TENANT_ID, subscriptionId: SUBSCRIPTION_ID });
  // Pattern 2: microsoft365 as the app, with the VM's token (auth_method = "oidc", oidc_token_file_path).
  new Microsoft365Provider(workload, 'Microsoft365AsApp', { alias: 'as_app', tenantId: TENANT_ID, auth: vm2.providerAuth(intune) });
  new TerraformOutput(workload, 'FetchTokenOnTheVm', { value: vm2.setupLines(intune).join('\n') });
  return [identity, workload];
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
