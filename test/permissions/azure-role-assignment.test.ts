import { Testing } from 'cdktf';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { SystemAssignedIdentity, UserAssignedIdentity } from '../../src';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, SUBSCRIPTION_ID, TENANT_ID, newStack, resourcesOf, synthJson } from '../util';

const VAULT = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-platform`;

describe('grantAzureRole', () => {
  test('emits azurerm_role_assignment for a service principal, skipping the AAD check for a new identity', () => {
    const stack = newStack();
    const identity = new UserAssignedIdentity(stack, 'Id', { name: 'id-kv', resourceGroupName: 'rg', location: 'westeurope' });
    identity.grantAzureRole('Secrets', { armScope: VAULT, roleDefinitionName: 'Key Vault Secrets User' });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(RoleAssignment, {
      scope: VAULT,
      role_definition_name: 'Key Vault Secrets User',
      principal_type: 'ServicePrincipal',
      principal_id: expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.\w+\.principal_id\}$/),
      skip_service_principal_aad_check: true,
    });
  });

  test('does not skip the check for principals created elsewhere', () => {
    const stack = newStack();
    const vm = SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    vm.grantAzureRole('Reader', { armScope: `/subscriptions/${SUBSCRIPTION_ID}`, roleDefinitionId: `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7` });
    UserAssignedIdentity.fromAttributes(stack, 'Imported', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID })
      .grantAzureRole('Rg', { armScope: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg`, roleDefinitionName: 'Reader' });
    for (const assignment of Object.values(resourcesOf(synthJson(stack), 'azurerm_role_assignment')) as any[]) {
      expect(assignment.skip_service_principal_aad_check).toBeUndefined();
      expect(assignment.principal_type).toBe('ServicePrincipal');
    }
  });

  test.each([
    [{ armScope: VAULT }, 'no role was given'],
    [{ armScope: VAULT, roleDefinitionName: 'Reader', roleDefinitionId: 'x' }, 'both roleDefinitionName and roleDefinitionId were given'],
    [{ armScope: 'rg-kv', roleDefinitionName: 'Reader' }, 'invalid armScope "rg-kv": an Azure role scope is'],
    [{ armScope: VAULT, roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7' }, 'use "/subscriptions/{subscription}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7'],
    [{ armScope: VAULT, roleDefinitionName: ' ' }, 'a role name must not be empty'],
  ])('rejects %j', (options, message) => {
    const stack = newStack();
    const identity = new UserAssignedIdentity(stack, 'Id', { name: 'id-kv', resourceGroupName: 'rg', location: 'westeurope' });
    expect(() => identity.grantAzureRole('Role', options)).toThrow(message);
    expect(() => identity.grantAzureRole('Role2', options)).toThrow(/^test\/Id\/Role2: invalid/);
  });
});
