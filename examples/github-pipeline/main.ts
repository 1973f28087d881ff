// Scenario 7: a GitHub repository that plans as a read-only identity and applies as another, with
// no secret. One declaration gives both identities their roles, the plan identity a trust for pull
// requests and the repository's Actions variables, and the apply identity the `production`
// environment, its variables and its trust: the workflow's `client-id: ${{ vars.AZURE_CLIENT_ID }}`
// picks the right one in each job.
//
// In this repository: node -r ./scripts/register.js examples/github-pipeline/main.ts
// In your own CDKTF app: save this file as main.ts and run `npx cdktf synth`.
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { GitHubProvider, PlanApplyIdentities } from 'cdktf-azure-identity';

const TENANT_ID = '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b';
const SUBSCRIPTION_ID = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

export function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'gh-pipeline-platform');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  new AzureadProvider(stack, 'azuread', { tenantId: TENANT_ID });
  // No token in the block: the workflow passes a GitHub App installation token as GITHUB_TOKEN.
  new GitHubProvider(stack, 'github', { owner: 'contoso' });

  const identities = new PlanApplyIdentities(stack, 'Platform', {
    name: 'terraform-platform',
    tenantId: TENANT_ID,
    managedScopes: { Subscription: `/subscriptions/${SUBSCRIPTION_ID}` },
    stateContainerScope: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-tfstate/providers/Microsoft.Storage/storageAccounts/sttfstatecontoso/blobServices/default/containers/tfstate`,
  });
  identities.github(stack, 'GitHub', {
    owner: 'contoso', repository: 'platform', applyEnvironment: 'production',
    ownerId: '1234567', repositoryId: '890123456', subscriptionId: SUBSCRIPTION_ID,
    // Only the platform team approves an apply, and only from protected branches.
    applyProtection: { reviewerTeamIds: [4321987], protectedBranchesOnly: true },
  });
  return stack;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
