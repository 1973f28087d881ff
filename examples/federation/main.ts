// Three trusts, no secrets:
// - pods of an AKS cluster sign in as a user-assigned identity (Kubernetes workload identity);
// - a GitHub Actions environment signs in as an app registration;
// - an HCP Terraform workspace signs in as the same app, in both its plan and apply phases.
//
// In this repository: node -r ./scripts/register.js examples/federation/main.ts
// In your own CDKTF app (README, "Install"): save this file as main.ts and run `npx cdktf synth`;
// it imports cdktf-azure-identity by name, as your app does, and synthesizes when run directly.
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { DataAzurermKubernetesCluster } from '@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster';
import { AppRegistration, FlexibleTrust, Trust, UserAssignedIdentity } from 'cdktf-azure-identity';

export function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'federation');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new AzureadProvider(stack, 'azuread', {});

  // The cluster's issuer is read at plan time: it ends with "/", exactly as the tokens carry it.
  const cluster = new DataAzurermKubernetesCluster(stack, 'Cluster', { name: 'aks-platform', resourceGroupName: 'rg-aks' });
  const runner = new UserAssignedIdentity(stack, 'Runner', {
    name: 'id-terraform-m365', resourceGroupName: 'rg-identity', location: 'westeurope',
  });
  runner.addFederatedCredential('Aks', Trust.kubernetes({
    issuerUrl: cluster.oidcIssuerUrl,
    namespace: 'terraform-m365',
    serviceAccountName: 'terraform-m365-sa',
  }));

  const pipeline = new AppRegistration(stack, 'Pipeline', { displayName: 'terraform-m365-pipeline' });
  pipeline.addFederatedCredential('Production', Trust.githubActions({
    owner: 'contoso', repository: 'm365-config', environment: 'production',
  }));
  // Release branches by pattern: one flexible credential instead of one per branch.
  pipeline.addFlexibleFederatedCredential('Releases', FlexibleTrust.githubActions({
    owner: 'contoso', repository: 'm365-config', branchPattern: 'release/*',
  }));
  // HCP Terraform signs plan and apply with different subjects: trust both.
  const [plan, apply] = Trust.terraformCloudRunPhases({ organization: 'contoso', project: 'Microsoft 365', workspace: 'm365-prod' });
  pipeline.addFederatedCredential('HcpPlan', plan);
  pipeline.addFederatedCredential('HcpApply', apply);
  return stack;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
