import { TerraformDataSource, TerraformStack, Testing } from 'cdktf';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import {
  AppRegistration, AzureProviders, Microsoft365Provider, ProviderAuth, Runner, Trust, UserAssignedIdentity,
} from '../../src';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, SUBSCRIPTION_ID, TENANT_ID, addProviders, thrownBy, warningsOf } from '../util';

// The catalog says what each type needs (src/least-privilege/provider-permissions.generated.ts):
// the Company Portal lookup needs DeviceManagementApps.Read.All.
const MOBILE_APP = 'microsoft365_graph_beta_device_and_app_management_mobile_app';

function twoStacks() {
  const app = Testing.app();
  const identity = new TerraformStack(app, 'identity');
  addProviders(identity);
  const workload = new TerraformStack(app, 'workload');
  new TerraformDataSource(workload, 'CompanyPortal', { terraformResourceType: MOBILE_APP });
  return { app, identity, workload };
}

const uami = (scope: TerraformStack, id = 'Runner') => new UserAssignedIdentity(scope, id, { name: `id-${id.toLowerCase()}`, resourceGroupName: 'rg', location: 'westeurope' });
const synthError = (stack: TerraformStack): string | undefined => thrownBy(() => Testing.synth(stack, true))?.message;

describe('the identity a provider signs in as holds what its resources need', () => {
  test('missing rights are an error naming the identity, the permission, the resource and the grant to add', () => {
    const { identity, workload } = twoStacks();
    const runner = uami(identity);
    new Microsoft365Provider(workload, 'M365', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity: runner }) });
    const message = synthError(workload);
    expect(message).toContain('[workload/M365] invalid auth.identity "identity/Runner": microsoft365 signs in as identity/Runner, which lacks '
      + `DeviceManagementApps.Read.All (needed by data.${MOBILE_APP}.CompanyPortal): every such call returns 403`);
    expect(message).toContain("Fix: grant them to identity/Runner: Runner.grantGraphAppRoles('Graph', ['DeviceManagementApps.Read.All'])");
    runner.grantGraphAppRoles('Graph', ['DeviceManagementApps.Read.All']);
    expect(synthError(workload)).toBeUndefined();
  });

  test('an auth that names only the client ID is judged as the identity with that client ID', () => {
    const { identity, workload } = twoStacks();
    const runner = uami(identity);
    new Microsoft365Provider(workload, 'M365', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ clientId: runner.clientId }) });
    expect(synthError(workload)).toContain('microsoft365 signs in as identity/Runner, which lacks DeviceManagementApps.Read.All');
    runner.grantGraphAppRoles('Graph', ['DeviceManagementApps.Read.All']);
    expect(synthError(workload)).toBeUndefined();
  });

  test('a broader permission covers a narrower need; a grant worked out from the stack counts', () => {
    const { identity, workload } = twoStacks();
    const broad = uami(identity, 'Broad');
    broad.grantGraphAppRoles('Graph', ['DeviceManagementApps.ReadWrite.All']);
    const exact = uami(identity, 'Exact');
    exact.grantGraphAppRolesRequiredBy('Graph', workload);
    new Microsoft365Provider(workload, 'Broad', { alias: 'broad', tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity: broad }) });
    new Microsoft365Provider(workload, 'Exact', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity: exact }) });
    expect(synthError(workload)).toBeUndefined();
  });

  test('every stack signed in as the same identity is judged, each by its own resources', () => {
    const { app, identity, workload } = twoStacks();
    const runner = uami(identity);
    runner.grantGraphAppRoles('Graph', ['DeviceManagementApps.Read.All']);
    new Microsoft365Provider(workload, 'M365', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity: runner }) });
    const second = new TerraformStack(app, 'second');
    new TerraformDataSource(second, 'Groups', { terraformResourceType: 'azuread_groups' });
    AzureProviders.azuread(second, 'Ad', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity: runner }) });
    expect(synthError(workload)).toBeUndefined();
    expect(synthError(second)).toMatch(/\[second\/Ad\] invalid auth.identity "identity\/Runner": azuread signs in as identity\/Runner, which lacks \S+ \(needed by data\.azuread_groups\.Groups\)/);
  });

  test('a resource on an aliased block counts for that block only', () => {
    const { identity, workload } = twoStacks();
    const other = new TerraformStack(workload.node.scope!, 'aliased');
    const runner = uami(identity);
    const aliased = new AzureadProvider(other, 'Plain', { alias: 'plain' });
    new TerraformDataSource(other, 'Groups', { terraformResourceType: 'azuread_groups', provider: aliased });
    AzureProviders.azuread(other, 'Ad', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity: runner }) });
    expect(synthError(other)).toBeUndefined();
  });

  test('an identity referred to by ID may hold grants made elsewhere: a warning, not an error', () => {
    const { identity, workload } = twoStacks();
    const imported = UserAssignedIdentity.fromAttributes(identity, 'Imported', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    new Microsoft365Provider(workload, 'M365', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity: imported }) });
    expect(synthError(workload)).toBeUndefined();
    expect(warningsOf(workload).join('\n')).toContain('which lacks DeviceManagementApps.Read.All (needed by data.'
      + `${MOBILE_APP}.CompanyPortal): every such call returns 403, as far as this app shows: grants made elsewhere are not seen`);
  });

  test('the managed-identity guide\'s pattern: the app holds the rights and trusts the identity; the message names both fixes', () => {
    const { identity, workload } = twoStacks();
    const runner = uami(identity);
    const app = new AppRegistration(identity, 'Intune', { displayName: 'intune' });
    app.grantGraphAppRoles('Graph', ['DeviceManagementApps.Read.All']);
    app.addFederatedCredential('Vm', Trust.managedIdentity({ principalId: PRINCIPAL_ID, tenantId: TENANT_ID }));
    const worn = UserAssignedIdentity.fromAttributes(identity, 'Worn', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    new Microsoft365Provider(workload, 'M365', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity: worn }) });
    expect(warningsOf(workload).join('\n')).toContain('or sign in as identity/Intune, which holds them and trusts identity/Worn: '
      + 'auth: Runner.azureCompute({ identity: Worn }).providerAuth(Intune)');
    // The same pattern with an identity this app creates is an error.
    app.addFederatedCredential('Runner', Trust.managedIdentity({ principalId: runner.principalId, tenantId: TENANT_ID }));
    const other = new TerraformStack(workload.node.scope!, 'other');
    new TerraformDataSource(other, 'CompanyPortal', { terraformResourceType: MOBILE_APP });
    new Microsoft365Provider(other, 'M365', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity: runner }) });
    expect(synthError(other)).toContain('or sign in as identity/Intune, which holds them and trusts identity/Runner');
    // Signing in as the app with the machine's token: the app holds the rights, and trusts the machine.
    const fixed = new TerraformStack(workload.node.scope!, 'fixed');
    new TerraformDataSource(fixed, 'CompanyPortal', { terraformResourceType: MOBILE_APP });
    new Microsoft365Provider(fixed, 'M365', { tenantId: TENANT_ID, auth: Runner.azureCompute({ identity: runner }).providerAuth(app) });
    expect(synthError(fixed)).toBeUndefined();
  });
});

describe('a federated sign-in without a runner', () => {
  test('as an identity of the app that trusts no token at all fails at synth; one trust is enough to pass', () => {
    const app = Testing.app();
    const identity = new TerraformStack(app, 'identity');
    addProviders(identity);
    const workload = new TerraformStack(app, 'workload');
    const runner = uami(identity);
    AzureProviders.azuread(workload, 'Ad', { tenantId: TENANT_ID, auth: ProviderAuth.githubActionsOidc({ identity: runner }) });
    expect(synthError(workload)).toContain('[workload/Ad] invalid auth.identity "identity/Runner": azuread exchanges a federated token (GitHubActionsOidc) '
      + 'for identity/Runner, which trusts no token, so every sign-in fails (AADSTS70021)');
    runner.addFederatedCredential('Prod', Trust.githubActions({ owner: 'contoso', repository: 'infra', environment: 'prod' }));
    expect(synthError(workload)).toBeUndefined();
  });

  const KUBERNETES = { issuerUrl: 'https://westeurope.oic.prod-aks.azure.com/tenant/cluster/', namespace: 'infra', serviceAccountName: 'terraform' };

  test('with a method that says where its token comes from, as an identity whose trusts are all of another platform, fails at synth', () => {
    const app = Testing.app();
    const identity = new TerraformStack(app, 'identity');
    addProviders(identity);
    const workload = new TerraformStack(app, 'workload');
    const runner = uami(identity);
    runner.addFederatedCredential('Pod', Trust.kubernetes(KUBERNETES));
    AzureProviders.azurerm(workload, 'Rm', { tenantId: TENANT_ID, subscriptionId: SUBSCRIPTION_ID, auth: ProviderAuth.githubActionsOidc({ identity: runner }) });
    expect(synthError(workload)).toContain('[workload/Rm] invalid auth.identity "identity/Runner": azurerm signs in with a GitHub Actions token '
      + '(GitHubActionsOidc) as identity/Runner, whose trusts are all of another platform (Kubernetes), so every sign-in fails (AADSTS70021). '
      + 'Fix: add a GitHub Actions trust to identity/Runner (addFederatedCredential(id, Trust.githubActions({ owner, repository, environment })))');
    runner.addFederatedCredential('Prod', Trust.githubActions({ owner: 'contoso', repository: 'infra', environment: 'prod' }));
    expect(synthError(workload)).toBeUndefined();
  });

  test('the AKS webhook needs a Kubernetes trust; an Azure DevOps sign-in, an Azure DevOps trust', () => {
    const app = Testing.app();
    const identity = new TerraformStack(app, 'identity');
    addProviders(identity);
    const runner = uami(identity);
    runner.addFederatedCredential('Main', Trust.githubActions({ owner: 'contoso', repository: 'infra', branch: 'main' }));
    const aks = new TerraformStack(app, 'aks');
    AzureProviders.azuread(aks, 'Ad', { tenantId: TENANT_ID, auth: ProviderAuth.aksWorkloadIdentity({ identity: runner }) });
    expect(synthError(aks)).toContain('azuread signs in with a Kubernetes service account token (AksWorkloadIdentity) as identity/Runner, '
      + 'whose trusts are all of another platform (GitHubActions)');
    aks.node.tryRemoveChild('Ad');
    const ado = new TerraformStack(app, 'ado');
    AzureProviders.azuread(ado, 'Ad', { tenantId: TENANT_ID, auth: ProviderAuth.azureDevOpsOidc({ identity: runner, serviceConnectionId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' }) });
    expect(synthError(ado)).toContain('azuread signs in with an Azure DevOps service connection token (AzureDevOpsOidc) as identity/Runner');
  });

  test('a custom trust, or a method that reads any issuer\'s token from a file or the environment, is not judged by platform', () => {
    const app = Testing.app();
    const identity = new TerraformStack(app, 'identity');
    addProviders(identity);
    const runner = uami(identity);
    runner.addFederatedCredential('Pod', Trust.kubernetes(KUBERNETES));
    const file = new TerraformStack(app, 'file');
    AzureProviders.azuread(file, 'Ad', { tenantId: TENANT_ID, auth: ProviderAuth.workloadIdentity({ identity: runner }) });
    expect(synthError(file)).toBeUndefined();
    const other = uami(identity, 'Other');
    other.addFederatedCredential('Ci', Trust.custom({ issuer: 'https://ci.contoso.example', subject: 'pipeline:infra' }));
    const github = new TerraformStack(app, 'github');
    AzureProviders.azuread(github, 'Ad', { tenantId: TENANT_ID, auth: ProviderAuth.githubActionsOidc({ identity: other }) });
    expect(synthError(github)).toBeUndefined();
  });
});
