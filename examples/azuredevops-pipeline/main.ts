// Scenario 8: Azure Pipelines plans and applies through two workload identity federation service
// connections, each signing in as its own user-assigned identity. Each identity's federated
// credential reads its issuer and subject from the connection Azure DevOps created.
//
// In this repository: node -r ./scripts/register.js examples/azuredevops-pipeline/main.ts
// In your own CDKTF app: save this file as main.ts and run `npx cdktf synth`.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import {
  AzureDevOpsProvider, PlanApplyIdentities, ProviderAuth, TerraformProviderKind, WorkloadIdentityKind,
} from 'cdktf-azure-identity';

const TENANT_ID = '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b';
const SUBSCRIPTION_ID = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

export function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'ado-pipeline-platform');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  // The platform pipeline's own sign-in: the build agent's managed identity, no PAT.
  new AzureDevOpsProvider(stack, 'azuredevops', {
    orgServiceUrl: 'https://dev.azure.com/contoso',
    auth: ProviderAuth.managedIdentity({ clientId: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f', tenantId: TENANT_ID }),
  });

  const identities = new PlanApplyIdentities(stack, 'Platform', {
    name: 'id-terraform-platform',
    tenantId: TENANT_ID,
    identityKind: WorkloadIdentityKind.USER_ASSIGNED,
    resourceGroupName: 'rg-identity',
    location: 'westeurope',
    managedScopes: { Subscription: `/subscriptions/${SUBSCRIPTION_ID}` },
  });
  const connections = identities.azureDevOps(stack, 'AzureDevOps', {
    projectName: 'Platform',
    planConnectionName: 'terraform-plan',
    applyConnectionName: 'terraform-apply',
    subscriptionId: SUBSCRIPTION_ID,
    subscriptionName: 'Platform production',
  });
  // What the apply stage's Terraform step maps into its environment.
  new TerraformOutput(stack, 'ApplyStepEnvironment', { value: connections.apply.environment(TerraformProviderKind.AZURERM) });
  return stack;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
