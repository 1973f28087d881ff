import { Testing } from 'cdktf';
import {
  AzureDevOpsAccess, AzureDevOpsLicense, AzureDevOpsProvider, AzureDevOpsServicePrincipalEntitlement, ProviderAuth,
  SystemAssignedIdentity, UserAssignedIdentity,
} from '../../src';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, TENANT_ID, newStack, synthJson } from '../util';

const ORG = 'https://dev.azure.com/contoso';

function ado(auth: ProviderAuth, extra: object = {}) {
  const stack = newStack();
  new AzureDevOpsProvider(stack, 'Ado', { orgServiceUrl: ORG, auth, ...extra });
  return synthJson(stack);
}

// Attribute names: microsoft/terraform-provider-azuredevops azuredevops/provider.go (v1.16.0).
describe('AzureDevOpsProvider', () => {
  test('use_msi with a user-assigned identity\'s client_id, and use_cli off', () => {
    expect(ado(ProviderAuth.managedIdentity({ clientId: CLIENT_ID })).provider.azuredevops).toEqual([{
      org_service_url: ORG, use_cli: false, use_oidc: false, use_msi: true, client_id: CLIENT_ID,
    }]);
  });

  test('use_msi without client_id for a system-assigned identity', () => {
    expect(ado(ProviderAuth.managedIdentity()).provider.azuredevops).toEqual([{ org_service_url: ORG, use_cli: false, use_oidc: false, use_msi: true }]);
  });

  test('workload identity and Azure DevOps pipelines use OIDC', () => {
    expect(ado(ProviderAuth.workloadIdentity({ clientId: CLIENT_ID, tenantId: TENANT_ID, tokenFilePath: '/t' })).provider.azuredevops[0]).toEqual({
      org_service_url: ORG, use_cli: false, use_oidc: true, client_id: CLIENT_ID, tenant_id: TENANT_ID, oidc_token_file_path: '/t',
    });
    expect(ado(ProviderAuth.azureDevOpsOidc({ clientId: CLIENT_ID, tenantId: TENANT_ID, serviceConnectionId: 'c0ffee00-1111-4222-8333-444455556666' })).provider.azuredevops[0]).toEqual({
      org_service_url: ORG, use_cli: false, use_oidc: true, client_id: CLIENT_ID, tenant_id: TENANT_ID, oidc_azure_service_connection_id: 'c0ffee00-1111-4222-8333-444455556666',
    });
  });

  test('a system-assigned identity from a VM, and an alias', () => {
    const stack = newStack();
    const vm = SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    new AzureDevOpsProvider(stack, 'Ado', { orgServiceUrl: ORG, auth: ProviderAuth.managedIdentity({ identity: vm }), alias: 'ado' });
    expect(synthJson(stack).provider.azuredevops).toEqual([{ org_service_url: ORG, use_cli: false, use_oidc: false, use_msi: true, tenant_id: TENANT_ID, alias: 'ado' }]);
  });

  test('required_providers names microsoft/azuredevops at 1.11.2 or later', () => {
    expect(ado(ProviderAuth.managedIdentity()).terraform.required_providers.azuredevops)
      .toEqual({ source: 'microsoft/azuredevops', version: '>= 1.11.2, < 2.0.0' });
    expect(ado(ProviderAuth.managedIdentity(), { providerVersion: '1.16.0' }).terraform.required_providers.azuredevops.version).toBe('1.16.0');
  });

  test.each([
    [{ orgServiceUrl: 'contoso' }, 'invalid orgServiceUrl "contoso": an Azure DevOps organization URL is https://dev.azure.com/{organization}'],
    [{ orgServiceUrl: 'https://dev.azure.com/contoso/project' }, 'Fix: use e.g. "https://dev.azure.com/contoso"'],
    [{ auth: ProviderAuth.managedIdentity({ resourceId: IDENTITY_RESOURCE_ID }) }, 'azuredevops chooses a user-assigned identity by client ID only'],
    [{ tenantId: 'x' }, 'invalid tenantId "x"'],
  ])('rejects %#', (props, message) => {
    expect(() => new AzureDevOpsProvider(newStack(), 'Ado', { orgServiceUrl: ORG, auth: ProviderAuth.managedIdentity(), ...props }))
      .toThrow(`test/Ado: ${message.startsWith('invalid') ? message : ''}`);
    expect(() => new AzureDevOpsProvider(newStack(), 'Ado', { orgServiceUrl: ORG, auth: ProviderAuth.managedIdentity(), ...props })).toThrow(message);
  });

  test('accepts a visualstudio.com organization URL', () => {
    expect(ado(ProviderAuth.managedIdentity(), { orgServiceUrl: 'https://contoso.visualstudio.com' }).provider.azuredevops[0].org_service_url).toBe('https://contoso.visualstudio.com');
  });
});

describe('AzureDevOpsAccess', () => {
  // Schema: azuredevops/internal/service/memberentitlementmanagement/resource_service_principal_entitlement.go
  test('adds the identity to the organization as azuredevops_service_principal_entitlement', () => {
    const stack = newStack();
    new AzureDevOpsProvider(stack, 'Ado', { orgServiceUrl: ORG, auth: ProviderAuth.managedIdentity() });
    const identity = new UserAssignedIdentity(stack, 'Id', { name: 'id-ado', resourceGroupName: 'rg', location: 'westeurope' });
    new AzureDevOpsAccess(stack, 'Access', { principal: identity });
    new AzureDevOpsAccess(stack, 'Stakeholder', { principal: SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID }), license: AzureDevOpsLicense.STAKEHOLDER });
    const synthesized = Testing.synth(stack, true);
    expect(synthesized).toHaveResourceWithProperties(AzureDevOpsServicePrincipalEntitlement, {
      origin_id: expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.\w+\.principal_id\}$/), origin: 'aad', account_license_type: 'express',
    });
    expect(synthesized).toHaveResourceWithProperties(AzureDevOpsServicePrincipalEntitlement, {
      origin_id: PRINCIPAL_ID, account_license_type: 'stakeholder',
    });
  });

  test('needs an azuredevops provider in the stack (cdktf checks provider presence)', () => {
    const stack = newStack();
    new AzureDevOpsAccess(stack, 'Access', { principal: SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID }) });
    expect(() => Testing.synth(stack, true)).toThrow(/azuredevops/);
  });

  test('rejects an unknown license', () => {
    const stack = newStack();
    expect(() => new AzureDevOpsAccess(stack, 'Access', {
      principal: SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID }), license: 'basic' as any,
    })).toThrow('test/Access: invalid license "basic": it is not an Azure DevOps access level. Fix: use AzureDevOpsLicense.BASIC.');
  });
});
