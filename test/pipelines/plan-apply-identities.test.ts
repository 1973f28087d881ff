import { TerraformStack, Testing } from 'cdktf';
import { AdministrativeUnit } from '@cdktf/provider-azuread/lib/administrative-unit';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { GitHubProvider, PlanApplyIdentities, TfeProvider, TrustReport, ValidationError, WorkloadIdentityKind } from '../../src';
import { SUBSCRIPTION_ID, TENANT_ID, addProviders, resourcesOf, synthJson, thrownBy } from '../util';

const STATE = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-tfstate/providers/Microsoft.Storage/storageAccounts/sttfstate/blobServices/default/containers/tfstate`;

function stacks() {
  const app = Testing.app();
  const workload = new TerraformStack(app, 'workload');
  new AzureadProvider(workload, 'azuread', { tenantId: TENANT_ID });
  new AdministrativeUnit(workload, 'Platform', { displayName: 'Platform' });
  const platform = new TerraformStack(app, 'platform');
  addProviders(platform);
  return { app, workload, platform };
}

describe('PlanApplyIdentities', () => {
  test('Reader for plan and a write role for apply on the managed scopes, the state container for both', () => {
    const { platform } = stacks();
    new PlanApplyIdentities(platform, 'Platform', {
      name: 'terraform-platform', tenantId: TENANT_ID, managedScopes: { Subscription: `/subscriptions/${SUBSCRIPTION_ID}` }, stateContainerScope: STATE,
    });
    const json = synthJson(platform);
    const roles = Object.entries<any>(resourcesOf(json, 'azurerm_role_assignment')).map(([id, r]) => [id.split('_').slice(0, 3).join('_'), r.role_definition_name, r.scope === STATE ? 'state' : 'subscription']);
    expect(roles.sort()).toEqual([
      ['Platform_Apply_State', 'Storage Blob Data Contributor', 'state'],
      ['Platform_Apply_WriteSubscription', 'Contributor', 'subscription'],
      ['Platform_Plan_ReaderSubscription', 'Reader', 'subscription'],
      ['Platform_Plan_State', 'Storage Blob Data Contributor', 'state'],
    ]);
    expect(Object.values<any>(resourcesOf(json, 'azuread_application')).map((a) => a.display_name).sort()).toEqual(['terraform-platform-apply', 'terraform-platform-plan']);
  });

  test('Graph: the read form for plan, the write form for apply', () => {
    const { platform, workload } = stacks();
    new PlanApplyIdentities(platform, 'Platform', { name: 'terraform-platform', tenantId: TENANT_ID, requiredBy: workload, allowPrivileged: true });
    const grants = Object.entries<any>(resourcesOf(synthJson(platform), 'azuread_app_role_assignment')).map(([id, g]) => [id.split('_')[1], g.app_role_id]);
    expect(grants.sort()).toEqual([
      ['Apply', '5eb59dd3-1da2-4329-8733-9dabdc435916'], // AdministrativeUnit.ReadWrite.All
      ['Plan', '134fd756-38ce-4afd-ba33-e9623dbe66c2'], // AdministrativeUnit.Read.All
    ]);
  });

  test('GitHub: pull requests plan with repository variables, the environment applies with its own', () => {
    const { platform } = stacks();
    new GitHubProvider(platform, 'GitHub', { owner: 'contoso' });
    const identities = new PlanApplyIdentities(platform, 'Platform', { name: 'terraform-platform', tenantId: TENANT_ID });
    identities.github(platform, 'Repository', { owner: 'contoso', repository: 'platform', applyEnvironment: 'production', ownerId: '1', repositoryId: '2' });
    const json = synthJson(platform);
    const planClient = Object.values<any>(resourcesOf(json, 'github_actions_variable')).find((v) => v.variable_name === 'AZURE_CLIENT_ID').value;
    const applyClient = Object.values<any>(resourcesOf(json, 'github_actions_environment_variable')).find((v) => v.variable_name === 'AZURE_CLIENT_ID').value;
    expect(planClient).toMatch(/azuread_application\.Platform_Plan_\w+\.client_id/);
    expect(applyClient).toMatch(/azuread_application\.Platform_Apply_\w+\.client_id/);
    expect(Object.values<any>(resourcesOf(json, 'azuread_application_federated_identity_credential')).map((c) => c.subject).sort()).toEqual([
      'repo:contoso@1/platform@2:environment:production', 'repo:contoso@1/platform@2:pull_request',
    ]);
  });

  test('HCP Terraform: the plan and apply variables point at the two identities; the report shows the pipeline side', () => {
    const { app, platform } = stacks();
    new TfeProvider(platform, 'Tfe');
    const identities = new PlanApplyIdentities(platform, 'Platform', { name: 'terraform-platform', tenantId: TENANT_ID });
    identities.hcpTerraform(platform, 'Hcp', { organization: 'contoso', project: 'Platform', workspace: 'platform-prod' });
    const json = synthJson(platform);
    const byKey = Object.fromEntries(Object.values<any>(resourcesOf(json, 'tfe_variable')).map((v) => [v.key, v.value]));
    expect(byKey.TFC_AZURE_PLAN_CLIENT_ID).toMatch(/Platform_Plan_\w+\.client_id/);
    expect(byKey.TFC_AZURE_APPLY_CLIENT_ID).toMatch(/Platform_Apply_\w+\.client_id/);
    TrustReport.of(app);
    const report = (platform.node.findChild('TrustReport') as TrustReport).markdown;
    expect(report).toContain('| terraform-platform-plan | HCP Terraform | contoso/platform-prod (project Platform), plan | TFC_AZURE_PROVIDER_AUTH = true, TFC_AZURE_PLAN_CLIENT_ID = azuread_application.');
    expect(report).toContain('| terraform-platform-apply | HCP Terraform | contoso/platform-prod (project Platform), apply |');
  });

  test('user-assigned identities need a resource group and a region', () => {
    const { platform } = stacks();
    const error = thrownBy(() => new PlanApplyIdentities(platform, 'Platform', { name: 'id-platform', tenantId: TENANT_ID, identityKind: WorkloadIdentityKind.USER_ASSIGNED }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^platform\/Platform: invalid resourceGroupName \(not given\): user-assigned identities need a resource group and a region/);
  });
});
