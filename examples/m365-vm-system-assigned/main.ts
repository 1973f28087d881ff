// Scenario 1: Terraform runs on an Azure VM and manages Intune through the microsoft365 provider,
// signing in as the VM's system-assigned identity (the provider's managed identity guide).
//
// - stack m365-vm-identity: the platform team grants the VM's identity its Graph permissions;
// - stack m365-vm-workload: what runs on the VM, with the provider block and nothing secret.
//
// Run alone: node -r ./scripts/register.js examples/m365-vm-system-assigned/main.ts
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { DataAzurermVirtualMachine } from '@cdktf/provider-azurerm/lib/data-azurerm-virtual-machine';
import { Microsoft365Provider, ProviderAuth, SystemAssignedIdentity } from 'cdktf-azure-identity';

const TENANT_ID = '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b';

export function build(app: App): TerraformStack[] {
  const identity = new TerraformStack(app, 'm365-vm-identity');
  new AzurermProvider(identity, 'azurerm', { features: [{}] });
  new AzureadProvider(identity, 'azuread', { tenantId: TENANT_ID });

  const vm = new DataAzurermVirtualMachine(identity, 'TerraformVm', { name: 'vm-terraform-runner', resourceGroupName: 'rg-automation' });
  const vmIdentity = SystemAssignedIdentity.fromPrincipalId(identity, 'TerraformVmIdentity', {
    principalId: vm.identity.get(0).principalId,
    tenantId: TENANT_ID,
  });
  // Writing Intune configuration is tier 0: scripts and settings run on every managed device.
  vmIdentity.grantGraphAppRoles('Graph', ['DeviceManagementConfiguration.ReadWrite.All', 'DeviceManagementApps.Read.All', 'Group.Read.All'], {
    allowPrivileged: true,
  });

  const workload = new TerraformStack(app, 'm365-vm-workload');
  // No identity is named: the provider uses the VM's system-assigned identity through IMDS.
  new Microsoft365Provider(workload, 'Microsoft365', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity() });
  return [identity, workload];
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
