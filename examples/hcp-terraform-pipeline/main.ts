// Scenario 9: an HCP Terraform workspace whose plans sign in as a read-only identity and whose
// applies sign in as another. The workspace's variables point at the two, each trusts its run
// phase, and each holds the Graph permissions its phase needs for the workload's resources.
//
// In this repository: node -r ./scripts/register.js examples/hcp-terraform-pipeline/main.ts
// In your own CDKTF app: save this file as main.ts and run `npx cdktf synth`.
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { AdministrativeUnit } from '@cdktf/provider-azuread/lib/administrative-unit';
import { PlanApplyIdentities, TfeProvider } from 'cdktf-azure-identity';

const TENANT_ID = '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b';
const SUBSCRIPTION_ID = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

export function build(app: App): TerraformStack[] {
  // What the workspace runs: HCP Terraform hands azuread the token of the phase's identity.
  const workload = new TerraformStack(app, 'hcp-pipeline-workload');
  new AzureadProvider(workload, 'azuread', { tenantId: TENANT_ID });
  new AdministrativeUnit(workload, 'Platform', { displayName: 'Platform' });

  const platform = new TerraformStack(app, 'hcp-pipeline-platform');
  new AzurermProvider(platform, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  new AzureadProvider(platform, 'azuread', { tenantId: TENANT_ID });
  // No token in the block: the run reads TFE_TOKEN (see the README's bootstrap).
  new TfeProvider(platform, 'tfe', { organization: 'contoso' });

  const identities = new PlanApplyIdentities(platform, 'Platform', {
    name: 'terraform-platform-hcp',
    tenantId: TENANT_ID,
    managedScopes: { Subscription: `/subscriptions/${SUBSCRIPTION_ID}` },
    requiredBy: workload,
    // Writing administrative units is tier 0: only the apply identity gets the write permission,
    // so restrict who may approve applies in the workspace.
    allowPrivileged: true,
  });
  identities.hcpTerraform(platform, 'Workspace', {
    organization: 'contoso', project: 'Platform', workspace: 'platform-prod', subscriptionId: SUBSCRIPTION_ID,
  });
  return [platform, workload];
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
