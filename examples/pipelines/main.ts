// Scenario 6: GitHub Actions and HCP Terraform run Terraform with no stored secret. One app
// registration trusts the repository's production environment and both run phases of an HCP
// Terraform workspace; the GitHub side gets a provider block, the HCP side its workspace variables.
// With two places where Terraform runs, each sign-in names its runner: the library checks that the
// runner's token matches one of the app's trusts, and refuses to guess.
//
// In this repository: node -r ./scripts/register.js examples/pipelines/main.ts
// In your own CDKTF app (README, "Install"): save this file as main.ts and run `npx cdktf synth`;
// it imports cdktf-azure-identity by name, as your app does, and synthesizes when run directly.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { KeylessWorkload, Runner, TerraformProviderKind, Trust } from 'cdktf-azure-identity';

const TENANT_ID = '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b';
const SUBSCRIPTION_ID = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

export function build(app: App): TerraformStack[] {
  const identity = new TerraformStack(app, 'pipelines-identity');
  new AzurermProvider(identity, 'azurerm', { features: [{}] });
  new AzureadProvider(identity, 'azuread', { tenantId: TENANT_ID });

  const deployer = new KeylessWorkload(identity, 'Deployer', {
    name: 'terraform-platform-deployer',
    tenantId: TENANT_ID,
    trusts: [
      Trust.githubActions({ owner: 'contoso', repository: 'platform', environment: 'production' }),
      ...Trust.terraformCloudRunPhases({ organization: 'contoso', project: 'Platform', workspace: 'platform-prod' }),
    ],
    graphPermissions: ['Group.Read.All'],
  });
  const github = Runner.githubActions({ owner: 'contoso', repository: 'platform', environment: 'production' });
  const hcp = Runner.hcpTerraform({ organization: 'contoso', project: 'Platform', workspace: 'platform-prod' });
  deployer.identity.grantAzureRole('Contributor', { armScope: `/subscriptions/${SUBSCRIPTION_ID}`, roleDefinitionName: 'Contributor' });

  // The workspace variables HCP Terraform needs for dynamic credentials (TFC_AZURE_PROVIDER_AUTH,
  // TFC_AZURE_RUN_CLIENT_ID, ARM_TENANT_ID, and ARM_SUBSCRIPTION_ID to set in the workspace).
  new TerraformOutput(identity, 'HcpWorkspaceVariables', { value: deployer.environment(TerraformProviderKind.AZURERM, hcp) });
  new TerraformOutput(identity, 'GitHubActionsEnvironment', { value: deployer.environment(TerraformProviderKind.AZURERM, github) });

  // What the GitHub workflow plans and applies (the job needs `permissions: id-token: write`).
  const workload = new TerraformStack(app, 'pipelines-workload');
  deployer.azurermProvider(workload, 'Azurerm', { subscriptionId: SUBSCRIPTION_ID, runner: github });
  return [identity, workload];
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
