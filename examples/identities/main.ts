// The two principals a workload can sign in as: a user-assigned managed identity (for Azure
// compute and Kubernetes) and an app registration (for pipelines and other clouds).
//
// In this repository: node -r ./scripts/register.js examples/identities/main.ts
// In your own CDKTF app (README, "Install"): save this file as main.ts and run `npx cdktf synth`;
// it imports cdktf-azure-identity by name, as your app does, and synthesizes when run directly.
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { AppRegistration, UserAssignedIdentity } from 'cdktf-azure-identity';

export function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'identities');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new AzureadProvider(stack, 'azuread', {});

  new UserAssignedIdentity(stack, 'Intune', {
    name: 'id-intune-ci',
    resourceGroupName: 'rg-identity',
    location: 'westeurope',
    tags: { workload: 'intune-configuration' },
  });

  new AppRegistration(stack, 'Pipeline', {
    displayName: 'terraform-intune-pipeline',
    description: 'Runs Terraform against Microsoft 365 from CI, without a secret',
  });
  return stack;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
