// Scenario 4: Terraform manages Azure DevOps from Azure compute with use_msi, once as a VM's
// system-assigned identity and once as a user-assigned identity, each added to the organization
// first (the provider's managed identity guide).
//
// In this repository: node -r ./scripts/register.js examples/azuredevops-managed-identity/main.ts
// In your own CDKTF app (README, "Install"): save this file as main.ts and run `npx cdktf synth`;
// it imports cdktf-azure-identity by name, as your app does, and synthesizes when run directly.
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DataAzurermVirtualMachine } from '@cdktf/provider-azurerm/lib/data-azurerm-virtual-machine';
import {
  AzureDevOpsAccess, AzureDevOpsProvider, ProviderAuth, SystemAssignedIdentity, UserAssignedIdentity,
} from 'cdktf-azure-identity';

const TENANT_ID = '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b';
const ORG = 'https://dev.azure.com/contoso';

export function build(app: App): TerraformStack[] {
  // The platform stack runs in the organization's admin pipeline (itself keyless, through its
  // service connection) and adds both identities to the organization.
  const platform = new TerraformStack(app, 'ado-mi-platform');
  new AzurermProvider(platform, 'azurerm', { features: [{}] });
  new AzureDevOpsProvider(platform, 'AzureDevOps', {
    orgServiceUrl: ORG,
    auth: ProviderAuth.azureDevOpsOidc({ clientId: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b', tenantId: TENANT_ID, serviceConnectionId: 'c0ffee00-1111-4222-8333-444455556666' }),
  });
  const runner = new UserAssignedIdentity(platform, 'Runner', { name: 'id-ado-runner', resourceGroupName: 'rg-identity', location: 'westeurope' });
  const vm = new DataAzurermVirtualMachine(platform, 'BuildVm', { name: 'vm-ado-build', resourceGroupName: 'rg-build' });
  const vmIdentity = SystemAssignedIdentity.fromPrincipalId(platform, 'BuildVmIdentity', { principalId: vm.identity.get(0).principalId, tenantId: TENANT_ID });
  new AzureDevOpsAccess(platform, 'RunnerAccess', { principal: runner });
  new AzureDevOpsAccess(platform, 'BuildVmAccess', { principal: vmIdentity });

  // On the VM: use_msi with no client_id selects its system-assigned identity; with client_id,
  // the user-assigned one it also wears.
  const workload = new TerraformStack(app, 'ado-mi-workload');
  new AzureDevOpsProvider(workload, 'AsVm', { orgServiceUrl: ORG, auth: ProviderAuth.managedIdentity() });
  new AzureDevOpsProvider(workload, 'AsRunner', { orgServiceUrl: ORG, alias: 'runner', auth: ProviderAuth.managedIdentity({ clientId: runner.clientId }) });
  return [platform, workload];
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
