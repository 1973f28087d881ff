import { AppRegistration, AzureProviders, ProviderAuth, ProviderAuthMethod, SystemAssignedIdentity, TerraformProviderKind, UserAssignedIdentity } from '../../src';
import { ValidationError } from '../../src/core/validation-error';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, SUBSCRIPTION_ID, TENANT_ID, newStack, synthJson } from '../util';

const { MICROSOFT365, AZUREDEVOPS, AZURERM, AZUREAD } = TerraformProviderKind;

// Client secrets and certificates beat every keyless method, and an empty variable counts as unset:
// go-azure-sdk sdk/auth/auth.go (azurerm, azuread); azuredevops 1.16.0 adds AZURE_CLIENT_SECRET and
// reads every list through MultiEnvDefaultFunc, which skips an empty name.
const ARM_SECRETS_EMPTIED = {
  ARM_CLIENT_CERTIFICATE: '', ARM_CLIENT_CERTIFICATE_PATH: '', ARM_CLIENT_CERTIFICATE_PASSWORD: '', ARM_CLIENT_SECRET: '', ARM_CLIENT_SECRET_FILE_PATH: '',
};
const AZDO_SECRETS_EMPTIED = { ...ARM_SECRETS_EMPTIED, AZURE_CLIENT_SECRET: '', ARM_CLIENT_SECRET_PATH: '', AZDO_PERSONAL_ACCESS_TOKEN: '' };

// Variable names: microsoft365 internal/provider/set_configuration.go; azuredevops, azurerm and azuread
// provider.go (shared/reference/providers.md).
describe('ProviderAuth.environment', () => {
  test('microsoft365 with a user-assigned managed identity', () => {
    expect(ProviderAuth.managedIdentity({ clientId: CLIENT_ID, tenantId: TENANT_ID }).environment(MICROSOFT365)).toEqual({
      M365_TENANT_ID: TENANT_ID,
      M365_AUTH_METHOD: 'managed_identity',
      M365_MANAGED_IDENTITY_ID: CLIENT_ID,
    });
  });

  test('microsoft365 with a system-assigned identity sets no identity ID', () => {
    expect(ProviderAuth.managedIdentity({ tenantId: TENANT_ID }).environment(MICROSOFT365)).toEqual({
      M365_TENANT_ID: TENANT_ID, M365_AUTH_METHOD: 'managed_identity',
    });
  });

  test('microsoft365 workload identity, GitHub and Azure DevOps', () => {
    expect(ProviderAuth.workloadIdentity({ clientId: CLIENT_ID, tenantId: TENANT_ID, tokenFilePath: '/var/run/token' }).environment(MICROSOFT365)).toEqual({
      M365_TENANT_ID: TENANT_ID, M365_AUTH_METHOD: 'workload_identity', M365_CLIENT_ID: CLIENT_ID, AZURE_FEDERATED_TOKEN_FILE: '/var/run/token',
    });
    expect(ProviderAuth.githubActionsOidc({ clientId: CLIENT_ID, tenantId: TENANT_ID }).environment(MICROSOFT365)).toEqual({
      M365_TENANT_ID: TENANT_ID, M365_AUTH_METHOD: 'oidc_github', M365_CLIENT_ID: CLIENT_ID,
    });
    // microsoft365's Azure DevOps OIDC reads only AZURE_DEVOPS_FEDERATION_TOKEN, which the pipeline must set.
    expect(ProviderAuth.azureDevOpsOidc({ clientId: CLIENT_ID, tenantId: TENANT_ID, serviceConnectionId: 'c0ffee00-1111-4222-8333-444455556666' }).environment(MICROSOFT365)).toEqual({
      M365_TENANT_ID: TENANT_ID, M365_AUTH_METHOD: 'oidc_azure_devops', M365_CLIENT_ID: CLIENT_ID, AZURE_DEVOPS_FEDERATION_TOKEN: '$idToken',
    });
  });

  test('azuredevops with a managed identity', () => {
    // A personal access token beats keyless sign-in (azuredevops/provider.go): the environment form clears it.
    expect(ProviderAuth.managedIdentity({ clientId: CLIENT_ID }).environment(AZUREDEVOPS)).toEqual({
      ARM_USE_CLI: 'false', ARM_USE_OIDC: 'false', ARM_USE_MSI: 'true', ARM_CLIENT_ID: CLIENT_ID, ...AZDO_SECRETS_EMPTIED,
    });
    // A stray client ID would select a user-assigned identity: azuredevops reads ARM_CLIENT_ID, then AZURE_CLIENT_ID.
    expect(ProviderAuth.managedIdentity().environment(AZUREDEVOPS)).toEqual({
      ARM_USE_CLI: 'false', ARM_USE_OIDC: 'false', ARM_USE_MSI: 'true', ...AZDO_SECRETS_EMPTIED, ARM_CLIENT_ID: '', AZURE_CLIENT_ID: '', ARM_CLIENT_ID_FILE_PATH: '',
    });
  });

  // azurerm 4.x: "subscription_id is a required provider property" (internal/provider/provider.go).
  test('azurerm always names the subscription the run must provide', () => {
    for (const auth of [ProviderAuth.managedIdentity(), ProviderAuth.githubActionsOidc({ clientId: CLIENT_ID, tenantId: TENANT_ID })]) {
      expect(auth.environment(AZURERM)).toMatchObject({ ARM_SUBSCRIPTION_ID: '$ARM_SUBSCRIPTION_ID' });
    }
  });

  test('Azure DevOps OIDC names the pipeline variables the step must map', () => {
    const auth = ProviderAuth.azureDevOpsOidc({ clientId: CLIENT_ID, tenantId: TENANT_ID, serviceConnectionId: 'c0ffee00-1111-4222-8333-444455556666' });
    for (const provider of [AZURERM, AZUREAD, AZUREDEVOPS]) {
      expect(auth.environment(provider)).toMatchObject({ SYSTEM_ACCESSTOKEN: '$(System.AccessToken)', SYSTEM_OIDCREQUESTURI: '$(System.OidcRequestUri)' });
    }
  });

  test('AKS workload identity: azurerm reads the webhook variables, azuread is told where they are', () => {
    const auth = ProviderAuth.aksWorkloadIdentity();
    expect(auth.environment(AZURERM)).toEqual({
      ARM_USE_CLI: 'false', ARM_USE_AKS_WORKLOAD_IDENTITY: 'true', ARM_SUBSCRIPTION_ID: '$ARM_SUBSCRIPTION_ID', ...ARM_SECRETS_EMPTIED,
    });
    expect(auth.environment(AZUREAD)).toEqual({
      ARM_USE_CLI: 'false', ARM_USE_OIDC: 'true',
      ARM_CLIENT_ID: '$AZURE_CLIENT_ID', ARM_TENANT_ID: '$AZURE_TENANT_ID', ARM_OIDC_TOKEN_FILE_PATH: '$AZURE_FEDERATED_TOKEN_FILE',
      ...ARM_SECRETS_EMPTIED, ARM_OIDC_TOKEN: '',
    });
    expect(auth.environment(AZUREDEVOPS)).toEqual({
      ARM_USE_CLI: 'false', ARM_USE_OIDC: 'true', ARM_CLIENT_ID: '$AZURE_CLIENT_ID', ARM_TENANT_ID: '$AZURE_TENANT_ID', ...AZDO_SECRETS_EMPTIED, ARM_OIDC_TOKEN: '',
    });
    // microsoft365 reads the tenant only from tenant_id or M365_TENANT_ID, never the webhook's AZURE_TENANT_ID.
    expect(() => auth.environment(MICROSOFT365)).toThrow('microsoft365 exchanges a federated token only with a tenant');
    expect(ProviderAuth.aksWorkloadIdentity({ tenantId: TENANT_ID }).environment(MICROSOFT365)).toEqual({ M365_TENANT_ID: TENANT_ID, M365_AUTH_METHOD: 'workload_identity' });
  });

  test('Azure DevOps pipelines name the service connection per provider', () => {
    const auth = ProviderAuth.azureDevOpsOidc({ clientId: CLIENT_ID, tenantId: TENANT_ID, serviceConnectionId: 'c0ffee00-1111-4222-8333-444455556666' });
    expect(auth.environment(AZUREDEVOPS)).toMatchObject({ ARM_USE_OIDC: 'true', ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID: 'c0ffee00-1111-4222-8333-444455556666' });
    expect(auth.environment(AZURERM)).toMatchObject({ ARM_USE_OIDC: 'true', ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID: 'c0ffee00-1111-4222-8333-444455556666', ARM_TENANT_ID: TENANT_ID });
  });

  test('an identity supplies client ID and tenant', () => {
    const stack = newStack();
    const identity = UserAssignedIdentity.fromAttributes(stack, 'Id', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    const auth = ProviderAuth.managedIdentity({ identity });
    expect(auth.method).toBe(ProviderAuthMethod.MANAGED_IDENTITY);
    expect(auth.environment(MICROSOFT365)).toEqual({ M365_TENANT_ID: TENANT_ID, M365_AUTH_METHOD: 'managed_identity', M365_MANAGED_IDENTITY_ID: CLIENT_ID });
  });
});

describe('ProviderAuth mismatches', () => {
  const problems = (auth: ProviderAuth) => {
    try { auth.environment(MICROSOFT365); } catch (e) {
      expect(ValidationError.isValidationError(e)).toBe(true);
      return (e as Error).message;
    }
    return '';
  };

  test('workload identity with a system-assigned identity', () => {
    const vm = SystemAssignedIdentity.fromPrincipalId(newStack(), 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    expect(problems(ProviderAuth.workloadIdentity({ identity: vm }))).toContain('a system-assigned identity cannot hold federated credentials');
  });

  test('managed identity for an app registration', () => {
    const app = new AppRegistration(newStack(), 'App', { displayName: 'x' });
    expect(problems(ProviderAuth.managedIdentity({ identity: app }))).toContain('an app registration is not a managed identity');
  });

  test('both client ID and resource ID', () => {
    expect(problems(ProviderAuth.managedIdentity({ clientId: CLIENT_ID, resourceId: IDENTITY_RESOURCE_ID })))
      .toContain('a user-assigned identity is chosen one way: by identity, by client ID or by resource ID');
  });

  test('a tenant that disagrees with the identity', () => {
    const identity = UserAssignedIdentity.fromAttributes(newStack(), 'Id', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    expect(problems(ProviderAuth.workloadIdentity({ identity, tenantId: PRINCIPAL_ID }))).toContain(`the identity test/Id lives in tenant "${TENANT_ID}"`);
  });

  test.each([
    [ProviderAuth.workloadIdentity({}), 'needs the client ID'],
    [ProviderAuth.githubActionsOidc({ clientId: 'my-app' }), 'client ID must be a GUID'],
    [ProviderAuth.managedIdentity({ resourceId: '/subscriptions/x' }), 'resource ID must look like'],
    [ProviderAuth.azureDevOpsOidc({ clientId: CLIENT_ID, serviceConnectionId: ' ' }), 'service connection ID must be a GUID'],
  ])('%#', (auth, message) => {
    expect(problems(auth)).toContain(message);
  });
});

describe('environment hygiene: variables that silently beat keyless sign-in', () => {
  test('GitHub OIDC: the environment form empties secrets and stray tokens, the block form lists them to unset', () => {
    const auth = ProviderAuth.githubActionsOidc({ clientId: CLIENT_ID, tenantId: TENANT_ID });
    // A token given directly or in a file is tried before a CI request (go-azure-sdk sdk/auth/auth.go).
    expect(auth.environment(AZURERM)).toMatchObject({ ...ARM_SECRETS_EMPTIED, ARM_OIDC_TOKEN: '', ARM_OIDC_TOKEN_FILE_PATH: '' });
    expect(auth.environment(AZUREDEVOPS)).toMatchObject({ ...AZDO_SECRETS_EMPTIED, ARM_OIDC_TOKEN_FILE_PATH: '', AZURE_FEDERATED_TOKEN_FILE: '' });
    expect(auth.variablesToUnset(AZURERM)).toEqual([
      ...Object.keys(ARM_SECRETS_EMPTIED), 'ARM_OIDC_TOKEN', 'ARM_OIDC_TOKEN_FILE_PATH',
      // The Azure DevOps authorizer comes before GitHub's, and ARM_OIDC_REQUEST_* before ACTIONS_ID_TOKEN_REQUEST_*.
      'ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID', 'ARM_OIDC_AZURE_SERVICE_CONNECTION_ID', 'ARM_OIDC_REQUEST_URL', 'ARM_OIDC_REQUEST_TOKEN',
    ]);
    expect(auth.environment(AZUREDEVOPS)).toMatchObject({ AZURESUBSCRIPTION_SERVICE_CONNECTION_ID: '', ARM_OIDC_REQUEST_URL: '' });
  });

  test('managed identity: a stray ARM_USE_OIDC cannot put an OIDC sign-in ahead of it', () => {
    expect(ProviderAuth.managedIdentity({ clientId: CLIENT_ID }).environment(AZURERM))
      .toMatchObject({ ARM_USE_MSI: 'true', ARM_USE_OIDC: 'false', ARM_USE_AKS_WORKLOAD_IDENTITY: 'false' });
    const stack = newStack();
    AzureProviders.azurerm(stack, 'Rm', { auth: ProviderAuth.managedIdentity({ clientId: CLIENT_ID, tenantId: TENANT_ID }), subscriptionId: SUBSCRIPTION_ID, alias: 'mi' });
    expect(synthJson(stack).provider.azurerm).toContainEqual(expect.objectContaining({ use_msi: true, use_oidc: false, use_aks_workload_identity: false }));
  });

  test('a system-assigned identity: a stray client ID would select another identity', () => {
    expect(ProviderAuth.managedIdentity().environment(AZURERM)).toMatchObject({ ARM_CLIENT_ID: '', ARM_CLIENT_ID_FILE_PATH: '' });
    expect(ProviderAuth.managedIdentity({ clientId: CLIENT_ID }).environment(AZURERM)).toMatchObject({ ARM_CLIENT_ID: CLIENT_ID });
    expect(ProviderAuth.managedIdentity().variablesToUnset(AZUREDEVOPS)).toEqual(expect.arrayContaining(['ARM_CLIENT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET']));
  });

  test('microsoft365 reads each variable before its block, so the block form must unset the ones it sets', () => {
    expect(ProviderAuth.managedIdentity({ clientId: CLIENT_ID }).variablesToUnset(MICROSOFT365)).toEqual(['M365_AUTH_METHOD', 'M365_MANAGED_IDENTITY_ID', 'AZURE_CLIENT_ID']);
    // Its environment form sets what it reads; an empty variable would only hand over to the block.
    expect(Object.values(ProviderAuth.managedIdentity({ clientId: CLIENT_ID }).environment(MICROSOFT365))).not.toContain('');
  });

  test('a token in a variable: ARM_OIDC_TOKEN copies it, and a stray token file is emptied', () => {
    const auth = ProviderAuth.federatedToken({ clientId: CLIENT_ID, tenantId: TENANT_ID, tokenEnvironmentVariable: 'CI_TOKEN' });
    expect(auth.environment(AZUREAD)).toMatchObject({ ARM_USE_OIDC: 'true', ARM_OIDC_TOKEN: '$CI_TOKEN', ARM_OIDC_TOKEN_FILE_PATH: '' });
    expect(() => ProviderAuth.federatedToken({ clientId: CLIENT_ID, tokenEnvironmentVariable: '$CI_TOKEN' }).environment(AZUREAD))
      .toThrow('invalid auth.tokenEnvironmentVariable "$CI_TOKEN"');
  });
});
