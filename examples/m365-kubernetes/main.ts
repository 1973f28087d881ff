// Scenario 3: a Kubernetes pod on AKS runs Terraform against Microsoft 365 with workload identity
// (the provider's workload identity guide): an app registration trusts the pod's service account,
// holds exactly the Graph permissions the pod's configuration needs (worked out from its resources),
// and the pod gets an annotated ServiceAccount, the opt-in label, a provider block and environment
// variables.
//
// In this repository: node -r ./scripts/register.js examples/m365-kubernetes/main.ts
// In your own CDKTF app (README, "Install"): save this file as main.ts and run `npx cdktf synth`;
// it imports cdktf-azure-identity by name, as your app does, and synthesizes when run directly.
import { App, TerraformDataSource, TerraformOutput, TerraformResource, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { DataAzurermKubernetesCluster } from '@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster';
import { KeylessWorkload, TerraformProviderKind, Trust } from 'cdktf-azure-identity';

const TENANT_ID = '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b';

export function build(app: App): TerraformStack[] {
  const identity = new TerraformStack(app, 'm365-k8s-identity');
  new AzurermProvider(identity, 'azurerm', { features: [{}] });
  new AzureadProvider(identity, 'azuread', { tenantId: TENANT_ID });
  const cluster = new DataAzurermKubernetesCluster(identity, 'Cluster', { name: 'aks-platform', resourceGroupName: 'rg-aks' });

  const intune = new KeylessWorkload(identity, 'IntuneConfig', {
    name: 'terraform-m365-intune',
    tenantId: TENANT_ID,
    trusts: [Trust.kubernetes({ issuerUrl: cluster.oidcIssuerUrl, namespace: 'terraform-m365', serviceAccountName: 'terraform-m365-sa' })],
  });
  // Written to cdktf.out/stacks/m365-k8s-identity/kubernetes/terraform-m365-terraform-m365-sa.serviceaccount.yaml;
  // pods also need intune's podLabels: { "azure.workload.identity/use": "true" }.
  intune.kubernetesServiceAccount(identity, 'ServiceAccount', { namespace: 'terraform-m365', name: 'terraform-m365-sa' });
  new TerraformOutput(identity, 'Microsoft365Environment', { value: intune.environment(TerraformProviderKind.MICROSOFT365) });

  // What the pod runs: microsoft365 with workload_identity; the token file comes from the webhook.
  const workload = new TerraformStack(app, 'm365-k8s-workload');
  intune.microsoft365Provider(workload, 'Microsoft365');
  // No prebuilt binding exists for microsoft365, so its types are plain resources with their real names.
  new TerraformResource(workload, 'WindowsBaseline', {
    terraformResourceType: 'microsoft365_graph_beta_device_management_settings_catalog_configuration_policy',
  }).addOverride('name', 'Windows security baseline');
  new TerraformDataSource(workload, 'CompanyPortal', {
    terraformResourceType: 'microsoft365_graph_beta_device_and_app_management_mobile_app',
  }).addOverride('filter_value', 'Company Portal');

  // Exactly what those types need, worked out when the identity stack synthesizes:
  // DeviceManagementConfiguration.ReadWrite.All (tier 0: settings reach every managed device) and
  // DeviceManagementApps.Read.All.
  intune.grantGraphAppRolesRequiredBy('Graph', workload, { allowPrivileged: true });
  return [identity, workload];
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
