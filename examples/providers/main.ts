// Provider blocks that sign in as existing identities, with no secret: microsoft365 and azuredevops
// (hand-written bindings), azurerm and azuread (prebuilt), each with the attribute names it needs.
// The identities come from another stack or team, so their IDs are known at plan time.
//
// In this repository: node -r ./scripts/register.js examples/providers/main.ts
// In your own CDKTF app (README, "Install"): save this file as main.ts and run `npx cdktf synth`;
// it imports cdktf-azure-identity by name, as your app does, and synthesizes when run directly.
import { App, TerraformStack } from 'cdktf';
import {
  AzureDevOpsProvider, AzureProviders, Microsoft365Provider, ProviderAuth, UserAssignedIdentity,
} from 'cdktf-azure-identity';

const TENANT_ID = '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b';
const SUBSCRIPTION_ID = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

export function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'providers');
  const runner = UserAssignedIdentity.fromAttributes(stack, 'Runner', {
    resourceId: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-identity/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-terraform-runner`,
    clientId: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f',
    principalId: '6d7e8f9a-0b1c-4d2e-9f3a-4b5c6d7e8f9a',
    tenantId: TENANT_ID,
  });
  const auth = ProviderAuth.managedIdentity({ identity: runner });

  new Microsoft365Provider(stack, 'Microsoft365', { auth });
  new AzureDevOpsProvider(stack, 'AzureDevOps', { orgServiceUrl: 'https://dev.azure.com/contoso', auth });
  AzureProviders.azurerm(stack, 'Azurerm', { auth, subscriptionId: SUBSCRIPTION_ID });
  AzureProviders.azuread(stack, 'Azuread', { auth, tenantId: TENANT_ID });
  return stack;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
