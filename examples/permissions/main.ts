// Permissions by name, with admin consent, for the three kinds of principal:
// - a Logic App's user-assigned identity may send mail and read users through Microsoft Graph;
// - an existing VM's system-assigned identity may read Intune managed devices;
// - a user-assigned identity may read secrets from one Key Vault (Azure RBAC).
//
// In this repository: node -r ./scripts/register.js examples/permissions/main.ts
// In your own CDKTF app (README, "Install"): save this file as main.ts and run `npx cdktf synth`;
// it imports cdktf-azure-identity by name, as your app does, and synthesizes when run directly.
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { DataAzurermKeyVault } from '@cdktf/provider-azurerm/lib/data-azurerm-key-vault';
import { DataAzurermVirtualMachine } from '@cdktf/provider-azurerm/lib/data-azurerm-virtual-machine';
import { LogicAppWorkflow } from '@cdktf/provider-azurerm/lib/logic-app-workflow';
import { SystemAssignedIdentity, UserAssignedIdentity } from 'cdktf-azure-identity';

export function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'permissions');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new AzureadProvider(stack, 'azuread', {});

  // A Logic App that sends reports by mail, signing in to Graph as its user-assigned identity.
  const mailer = new UserAssignedIdentity(stack, 'Mailer', {
    name: 'id-report-mailer', resourceGroupName: 'rg-automation', location: 'westeurope',
  });
  new LogicAppWorkflow(stack, 'Reports', {
    name: 'logic-reports', resourceGroupName: 'rg-automation', location: 'westeurope',
    identity: { type: 'UserAssigned', identityIds: [mailer.resourceId] },
  });
  mailer.grantGraphAppRoles('Graph', ['Mail.Send', 'User.Read.All']);

  // An existing VM whose system-assigned identity reads Intune devices.
  const vm = new DataAzurermVirtualMachine(stack, 'InventoryVm', { name: 'vm-inventory', resourceGroupName: 'rg-inventory' });
  const vmIdentity = SystemAssignedIdentity.fromPrincipalId(stack, 'InventoryVmIdentity', {
    principalId: vm.identity.get(0).principalId,
    tenantId: vm.identity.get(0).tenantId,
  });
  vmIdentity.grantGraphAppRoles('Graph', ['DeviceManagementManagedDevices.Read.All']);

  // Secrets for the mailer, from one vault only.
  const vault = new DataAzurermKeyVault(stack, 'Vault', { name: 'kv-automation', resourceGroupName: 'rg-automation' });
  mailer.grantAzureRole('VaultSecrets', { armScope: vault.id, roleDefinitionName: 'Key Vault Secrets User' });
  return stack;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
