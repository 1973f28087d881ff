import { Testing, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { AzureProviders, ProviderAuth } from '../../src';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, SUBSCRIPTION_ID, TENANT_ID, warningsOf } from '../util';

function stack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'test');
}

// azurerm 4.55 and azuread 3.7 through the prebuilt bindings; behaviour: shared/reference/providers-source-notes.md §3.
describe('AzureProviders.azurerm', () => {
  test('managed identity, with features {} and use_cli off', () => {
    const s = stack();
    AzureProviders.azurerm(s, 'Azurerm', { auth: ProviderAuth.managedIdentity({ clientId: CLIENT_ID }), subscriptionId: SUBSCRIPTION_ID, tenantId: TENANT_ID });
    expect(Testing.synth(s)).toHaveProviderWithProperties(AzurermProvider, {
      features: [{}], subscription_id: SUBSCRIPTION_ID, tenant_id: TENANT_ID, use_msi: true, client_id: CLIENT_ID, use_cli: false,
    });
  });

  test('AKS workload identity uses use_aks_workload_identity', () => {
    const s = stack();
    AzureProviders.azurerm(s, 'Azurerm', { auth: ProviderAuth.aksWorkloadIdentity(), subscriptionId: SUBSCRIPTION_ID });
    const [provider] = JSON.parse(Testing.synth(s)).provider.azurerm;
    expect(provider).toEqual({ features: [{}], subscription_id: SUBSCRIPTION_ID, use_aks_workload_identity: true, use_cli: false });
  });

  test('GitHub Actions OIDC and an alias', () => {
    const s = stack();
    AzureProviders.azurerm(s, 'Azurerm', { auth: ProviderAuth.githubActionsOidc({ clientId: CLIENT_ID, tenantId: TENANT_ID }), alias: 'ci' });
    expect(JSON.parse(Testing.synth(s)).provider.azurerm[0]).toEqual({
      features: [{}], alias: 'ci', use_oidc: true, client_id: CLIENT_ID, tenant_id: TENANT_ID, use_cli: false,
    });
  });

  test.each([
    [{ subscriptionId: 'sub' }, 'invalid subscriptionId "sub": subscription ID must be a GUID'],
    [{ auth: ProviderAuth.managedIdentity({ resourceId: IDENTITY_RESOURCE_ID }) }, 'azurerm chooses a user-assigned identity by client ID only'],
  ])('rejects %#', (options, message) => {
    expect(() => AzureProviders.azurerm(stack(), 'Azurerm', { auth: ProviderAuth.managedIdentity(), ...options })).toThrow(`test/Azurerm: ${message.startsWith('invalid') ? message : ''}`);
    expect(() => AzureProviders.azurerm(stack(), 'Azurerm', { auth: ProviderAuth.managedIdentity(), ...options })).toThrow(message);
  });
});

describe('AzureProviders.azuread', () => {
  test('managed identity needs tenant_id, which is set', () => {
    const s = stack();
    AzureProviders.azuread(s, 'Azuread', { auth: ProviderAuth.managedIdentity({ clientId: CLIENT_ID }), tenantId: TENANT_ID });
    expect(Testing.synth(s)).toHaveProviderWithProperties(AzureadProvider, { tenant_id: TENANT_ID, use_msi: true, client_id: CLIENT_ID, use_cli: false });
  });

  test('AKS workload identity is spelled out: azuread ignores the webhook\'s client ID and token file', () => {
    const s = stack();
    AzureProviders.azuread(s, 'Azuread', { auth: ProviderAuth.aksWorkloadIdentity({ clientId: CLIENT_ID }), tenantId: TENANT_ID });
    const [provider] = JSON.parse(Testing.synth(s)).provider.azuread;
    expect(provider).toEqual({ tenant_id: TENANT_ID, use_oidc: true, client_id: CLIENT_ID, use_cli: false });
    expect(provider).not.toHaveProperty('use_aks_workload_identity');
  });

  test('workload identity with a token file path', () => {
    const s = stack();
    AzureProviders.azuread(s, 'Azuread', { auth: ProviderAuth.workloadIdentity({ clientId: CLIENT_ID, tokenFilePath: '/t' }), tenantId: TENANT_ID });
    expect(JSON.parse(Testing.synth(s)).provider.azuread[0]).toEqual({ tenant_id: TENANT_ID, use_oidc: true, client_id: CLIENT_ID, oidc_token_file_path: '/t', use_cli: false });
  });

  test('rejects a tenant that is not a GUID', () => {
    expect(() => AzureProviders.azuread(stack(), 'Azuread', { auth: ProviderAuth.managedIdentity(), tenantId: 'contoso' })).toThrow('test/Azuread: invalid tenantId "contoso"');
  });
});

describe('token file warnings', () => {
  const warnings = (s: TerraformStack) => warningsOf(s).map((w) => w.replace(/^\S+: /, ''));

  test('azuread under AKS workload identity says which variables the pod must set', () => {
    const s = stack();
    AzureProviders.azuread(s, 'Azuread', { auth: ProviderAuth.aksWorkloadIdentity(), tenantId: TENANT_ID });
    expect(warnings(s)).toEqual([
      'azuread does not read AZURE_FEDERATED_TOKEN_FILE by itself: set ARM_CLIENT_ID=$AZURE_CLIENT_ID, ARM_OIDC_TOKEN_FILE_PATH=$AZURE_FEDERATED_TOKEN_FILE '
      + 'where Terraform runs (ProviderAuth.environment(TerraformProviderKind.AZUREAD) lists them), or pass tokenFilePath.',
    ]);
  });

  test('azurerm in AKS mode reads the webhook variables itself; with a token path nothing is needed', () => {
    const s = stack();
    AzureProviders.azurerm(s, 'Azurerm', { auth: ProviderAuth.aksWorkloadIdentity() });
    AzureProviders.azuread(s, 'Azuread', { auth: ProviderAuth.workloadIdentity({ clientId: CLIENT_ID, tokenFilePath: '/t' }), tenantId: TENANT_ID });
    expect(warnings(s)).toEqual([]);
  });

  test('azurerm with a generic token file and no path', () => {
    const s = stack();
    AzureProviders.azurerm(s, 'Azurerm', { auth: ProviderAuth.workloadIdentity({ clientId: CLIENT_ID, tenantId: TENANT_ID }) });
    expect(warnings(s)).toEqual([expect.stringContaining('azurerm does not read AZURE_FEDERATED_TOKEN_FILE by itself: set ARM_OIDC_TOKEN_FILE_PATH=$AZURE_FEDERATED_TOKEN_FILE')]);
  });
});
