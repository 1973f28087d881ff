import { Fn, Testing } from 'cdktf';
import { UserAssignedIdentity as UserAssignedIdentityResource } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { DataAzurermUserAssignedIdentity } from '@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity';
import { PrincipalKind, UserAssignedIdentity } from '../../src';
import {
  CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, TENANT_ID, dataSourcesOf, newStack, resolve, resourcesOf, synthJson, synthScope,
} from '../util';

const props = { name: 'id-intune-ci', resourceGroupName: 'rg-identity', location: 'westeurope' };

describe('UserAssignedIdentity', () => {
  test('emits azurerm_user_assigned_identity with name, resource group and location', () => {
    const synthesized = synthScope((stack) => {
      new UserAssignedIdentity(stack, 'Intune', { ...props, tags: { team: 'platform' } });
    });
    expect(synthesized).toHaveResourceWithProperties(UserAssignedIdentityResource, {
      name: 'id-intune-ci',
      resource_group_name: 'rg-identity',
      location: 'westeurope',
      tags: { team: 'platform' },
    });
  });

  test('exposes the resource attributes as references', () => {
    const stack = newStack();
    const identity = new UserAssignedIdentity(stack, 'Intune', props);
    expect(identity.principalKind).toBe(PrincipalKind.USER_ASSIGNED_IDENTITY);
    const [logicalId] = Object.keys(resourcesOf(synthJson(stack), 'azurerm_user_assigned_identity'));
    expect(resolve(stack, identity.clientId)).toBe(`${'${'}azurerm_user_assigned_identity.${logicalId}.client_id}`);
    expect(resolve(stack, identity.principalId)).toMatch(/^\$\{azurerm_user_assigned_identity\.\w+\.principal_id\}$/);
    expect(resolve(stack, identity.resourceId)).toMatch(/^\$\{azurerm_user_assigned_identity\.\w+\.id\}$/);
    expect(resolve(stack, identity.tenantId)).toMatch(/^\$\{azurerm_user_assigned_identity\.\w+\.tenant_id\}$/);
    expect(identity.name).toBe('id-intune-ci');
    expect(identity.resourceGroupName).toBe('rg-identity');
  });

  test('its primary child has id Resource, so node.defaultChild is the L1', () => {
    const stack = newStack();
    const identity = new UserAssignedIdentity(stack, 'Intune', props);
    expect(identity.node.defaultChild).toBe(identity.resource);
  });

  test.each([
    ['ab', 'needs 3 to 128 characters, this one has 2'],
    ['a'.repeat(129), 'needs 3 to 128 characters, this one has 129'],
    ['-intune', 'must start with a letter or digit, not "-"'],
    ['_intune', 'must start with a letter or digit, not "_"'],
    ['id.intune', 'found "."'],
    ['id intune/ci', 'found " ", "/"'],
  ])('rejects the name %j', (name, problem) => {
    const stack = newStack();
    expect(() => new UserAssignedIdentity(stack, 'Intune', { ...props, name })).toThrow(problem);
    expect(() => new UserAssignedIdentity(stack, 'Intune2', { ...props, name })).toThrow(
      new RegExp(`^test/Intune2: invalid name ${escape(JSON.stringify(name))}: .*Fix: choose a name matching`),
    );
  });

  test('suggests a valid name', () => {
    expect(() => new UserAssignedIdentity(newStack(), 'Intune', { ...props, name: 'id.intune ci' }))
      .toThrow('e.g. "id-intune-ci"');
  });

  test.each([['location', ''], ['location', '  '], ['resourceGroupName', '']])('rejects an empty %s', (key, value) => {
    expect(() => new UserAssignedIdentity(newStack(), 'Intune', { ...props, [key]: value }))
      .toThrow(`test/Intune: invalid ${key} ${JSON.stringify(value)}`);
  });

  test('accepts tokens for every property', () => {
    const stack = newStack();
    const token = Fn.lower('X');
    new UserAssignedIdentity(stack, 'Intune', { name: token, resourceGroupName: token, location: token });
    expect(Object.values(resourcesOf(synthJson(stack), 'azurerm_user_assigned_identity'))[0]).toMatchObject({
      name: '${lower("X")}', resource_group_name: '${lower("X")}', location: '${lower("X")}',
    });
  });

  test('an identity whose constructor threw, and was caught, stays in the tree without a name to read', () => {
    const stack = newStack();
    expect(() => new UserAssignedIdentity(stack, 'Intune', { ...props, location: '' })).toThrow('invalid location');
    const halfBuilt = stack.node.tryFindChild('Intune') as UserAssignedIdentity;
    expect(halfBuilt.name).toBeUndefined();
    expect(halfBuilt.resourceGroupName).toBeUndefined();
    expect(halfBuilt.displayName).toBeUndefined();
  });
});

describe('UserAssignedIdentity.fromAttributes', () => {
  const attrs = { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID };

  test('emits nothing and parses the name and resource group from the ID', () => {
    const stack = newStack();
    const identity = UserAssignedIdentity.fromAttributes(stack, 'Existing', attrs);
    expect(synthJson(stack).resource).toBeUndefined();
    expect(synthJson(stack).data).toBeUndefined();
    expect(identity.name).toBe('id-intune-ci');
    expect(identity.resourceGroupName).toBe('rg-identity');
    expect(identity.clientId).toBe(CLIENT_ID);
    expect(identity.principalKind).toBe(PrincipalKind.USER_ASSIGNED_IDENTITY);
  });

  test('splits a token resource ID at plan time', () => {
    const stack = newStack();
    const identity = UserAssignedIdentity.fromAttributes(stack, 'Existing', { ...attrs, resourceId: Fn.lower('X') });
    expect(resolve(stack, identity.resourceGroupName)).toBe('${element(split("/", lower("X")), 4)}');
    expect(resolve(stack, identity.name)).toBe('${element(split("/", lower("X")), 8)}');
  });

  test.each([
    ['clientId', 'not-a-guid', 'client ID must be a GUID'],
    ['principalId', '1234', 'principal ID must be a GUID'],
    ['tenantId', 'contoso.onmicrosoft.com', 'tenant ID must be a GUID'],
    ['tenantId', `{${TENANT_ID}}`, `use "${TENANT_ID}"`],
    ['resourceId', '/subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id', 'resource ID must look like'],
    ['resourceId', IDENTITY_RESOURCE_ID.replace('userAssignedIdentities', 'identities'), 'az identity show'],
    ['resourceId', 'id-intune-ci', 'resource ID must look like'],
  ])('rejects %s %j', (key, value, message) => {
    const stack = newStack();
    expect(() => UserAssignedIdentity.fromAttributes(stack, 'Existing', { ...attrs, [key]: value }))
      .toThrow(`test/Existing: invalid ${key} ${JSON.stringify(value)}`);
    expect(() => UserAssignedIdentity.fromAttributes(stack, 'Existing2', { ...attrs, [key]: value })).toThrow(message);
  });
});

describe('UserAssignedIdentity.fromLookup', () => {
  test('emits one azurerm_user_assigned_identity data source', () => {
    const stack = newStack();
    const identity = UserAssignedIdentity.fromLookup(stack, 'Existing', { name: 'id-intune-ci', resourceGroupName: 'rg-identity' });
    const json = synthJson(stack);
    expect(json.resource).toBeUndefined();
    expect(Object.values(dataSourcesOf(json, 'azurerm_user_assigned_identity'))).toEqual([
      { name: 'id-intune-ci', resource_group_name: 'rg-identity' },
    ]);
    expect(Testing.synth(stack)).toHaveDataSource(DataAzurermUserAssignedIdentity);
    expect(resolve(stack, identity.clientId)).toMatch(/^\$\{data\.azurerm_user_assigned_identity\.\w+\.client_id\}$/);
  });

  test('rejects a bad name', () => {
    expect(() => UserAssignedIdentity.fromLookup(newStack(), 'Existing', { name: 'x', resourceGroupName: 'rg' }))
      .toThrow('test/Existing: invalid name "x"');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
