// Scenario 5: one user-assigned identity shared by ten VMs (the `identity` block of
// azurerm_linux_virtual_machine) and by a Logic App that calls Microsoft Graph with it. One set of
// grants serves every resource that wears the identity.
//
// In this repository: node -r ./scripts/register.js examples/shared-identity/main.ts
// In your own CDKTF app (README, "Install"): save this file as main.ts and run `npx cdktf synth`;
// it imports cdktf-azure-identity by name, as your app does, and synthesizes when run directly.
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { DataAzurermSubnet } from '@cdktf/provider-azurerm/lib/data-azurerm-subnet';
import { LinuxVirtualMachine } from '@cdktf/provider-azurerm/lib/linux-virtual-machine';
import { LogicAppWorkflow } from '@cdktf/provider-azurerm/lib/logic-app-workflow';
import { NetworkInterface } from '@cdktf/provider-azurerm/lib/network-interface';
import { UserAssignedIdentity } from 'cdktf-azure-identity';

const LOCATION = 'westeurope';
const RESOURCE_GROUP = 'rg-fleet';
// A public key is not a secret; the VMs accept no password.
const OPS_SSH_PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFleetOpsKeyForTheExampleOnly0000000000000 ops@contoso';

export function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'shared-identity');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new AzureadProvider(stack, 'azuread', {});

  const fleet = new UserAssignedIdentity(stack, 'Fleet', { name: 'id-fleet-reporting', resourceGroupName: RESOURCE_GROUP, location: LOCATION });
  fleet.grantGraphAppRoles('Graph', ['DeviceManagementManagedDevices.Read.All', 'User.Read.All', 'Mail.Send']);

  const subnet = new DataAzurermSubnet(stack, 'Subnet', { name: 'snet-fleet', virtualNetworkName: 'vnet-fleet', resourceGroupName: 'rg-network' });
  for (let i = 1; i <= 10; i++) {
    const name = `vm-fleet-${String(i).padStart(2, '0')}`;
    const nic = new NetworkInterface(stack, `Nic${i}`, {
      name: `nic-${name}`, location: LOCATION, resourceGroupName: RESOURCE_GROUP,
      ipConfiguration: [{ name: 'primary', subnetId: subnet.id, privateIpAddressAllocation: 'Dynamic' }],
    });
    new LinuxVirtualMachine(stack, `Vm${i}`, {
      name, location: LOCATION, resourceGroupName: RESOURCE_GROUP, size: 'Standard_B2s',
      adminUsername: 'fleetops', adminSshKey: [{ username: 'fleetops', publicKey: OPS_SSH_PUBLIC_KEY }],
      networkInterfaceIds: [nic.id],
      osDisk: { caching: 'ReadWrite', storageAccountType: 'Standard_LRS' },
      sourceImageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
      identity: { type: 'UserAssigned', identityIds: [fleet.resourceId] },
    });
  }

  new LogicAppWorkflow(stack, 'DeviceReport', {
    name: 'logic-device-report', location: LOCATION, resourceGroupName: RESOURCE_GROUP,
    identity: { type: 'UserAssigned', identityIds: [fleet.resourceId] },
  });
  return stack;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
