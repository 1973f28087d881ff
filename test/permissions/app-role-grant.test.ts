import { Fn, TerraformStack, Testing } from 'cdktf';
import { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import {
  AppRegistration, AppRoleGrant, SystemAssignedIdentity, UserAssignedIdentity, WellKnownApp,
} from '../../src';
import { PRINCIPAL_ID, TENANT_ID, addProviders, dataSourcesOf, newStack, resolve, resourcesOf, synthJson, warningsOf } from '../util';

function uami(stack: TerraformStack, id = 'Intune', name = 'id-intune-ci') {
  return new UserAssignedIdentity(stack, id, { name, resourceGroupName: 'rg-identity', location: 'westeurope' });
}

describe('AppRoleGrant', () => {
  test('one azuread_app_role_assignment per permission, with literal IDs against the Graph service principal', () => {
    const stack = newStack();
    const identity = uami(stack);
    identity.grantGraphAppRoles('Graph', ['User.Read.All', 'DeviceManagementManagedDevices.Read.All']);
    const synthesized = Testing.synth(stack, true);
    const json = JSON.parse(synthesized);
    const [identityId] = Object.keys(resourcesOf(json, 'azurerm_user_assigned_identity'));
    expect(synthesized).toHaveResourceWithProperties(AppRoleAssignment, {
      app_role_id: 'df021288-bdef-4463-88db-98f22de89214',
      principal_object_id: `\${azurerm_user_assigned_identity.${identityId}.principal_id}`,
      resource_object_id: '${data.azuread_service_principal.MicrosoftGraphServicePrincipal.object_id}',
    });
    expect(Object.keys(resourcesOf(json, 'azuread_app_role_assignment'))).toHaveLength(2);
    expect(dataSourcesOf(json, 'azuread_service_principal')).toEqual({
      MicrosoftGraphServicePrincipal: { client_id: '00000003-0000-0000-c000-000000000000' },
    });
  });

  test('a stack has one Graph data source however many grants it holds', () => {
    const stack = newStack();
    for (let i = 0; i < 5; i++) uami(stack, `Id${i}`, `id-${i}-x`).grantGraphAppRoles('Graph', ['User.Read.All', 'Group.Read.All']);
    const json = synthJson(stack);
    expect(Object.keys(dataSourcesOf(json, 'azuread_service_principal'))).toEqual(['MicrosoftGraphServicePrincipal']);
    expect(Object.keys(resourcesOf(json, 'azuread_app_role_assignment'))).toHaveLength(10);
  });

  test('each stack gets its own Graph data source', () => {
    const app = Testing.app();
    const stacks = ['a', 'b'].map((id) => {
      const stack = new TerraformStack(app, id);
      addProviders(stack);
      uami(stack).grantGraphAppRoles('Graph', ['User.Read.All']);
      return stack;
    });
    for (const stack of stacks) expect(Object.keys(dataSourcesOf(synthJson(stack), 'azuread_service_principal'))).toHaveLength(1);
  });

  test('all three kinds of principal can be granted', () => {
    const stack = newStack();
    const vm = SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    vm.grantGraphAppRoles('Graph', ['DeviceManagementManagedDevices.Read.All']);
    uami(stack).grantGraphAppRoles('Graph', ['User.Read.All']);
    const app = new AppRegistration(stack, 'Ci', { displayName: 'ci' });
    app.grantGraphAppRoles('Graph', ['Group.Read.All']);
    const principals = Object.values(resourcesOf(synthJson(stack), 'azuread_app_role_assignment')).map((r: any) => r.principal_object_id).sort();
    expect(principals).toEqual([
      expect.stringMatching(/^\$\{azuread_service_principal\.\w+\.object_id\}$/),
      expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.\w+\.principal_id\}$/),
      PRINCIPAL_ID,
    ]);
  });

  test('a typo fails with a suggestion and the construct path', () => {
    expect(() => uami(newStack()).grantGraphAppRoles('Graph', ['User.Read.Al']))
      .toThrow(/^test\/Intune\/Graph: invalid permissions\[0\] "User.Read.Al": .*Did you mean "User.Read.All"/);
  });

  test('a delegated-only name fails even with allowUnknown', () => {
    expect(() => uami(newStack()).grantGraphAppRoles('Graph', ['User.Read'], { allowUnknown: true }))
      .toThrow('"User.Read" is a delegated permission');
  });

  test('a tier-0 permission fails without allowPrivileged', () => {
    expect(() => uami(newStack()).grantGraphAppRoles('Graph', ['DeviceManagementConfiguration.ReadWrite.All'])).toThrow(
      'test/Intune/Graph: invalid permissions[0] "DeviceManagementConfiguration.ReadWrite.All": it is tier 0, with a known path to Global Administrator',
    );
    expect(() => uami(newStack()).grantGraphAppRoles('Graph', ['DeviceManagementConfiguration.ReadWrite.All'])).toThrow('pass allowPrivileged: true');
  });

  test('with allowPrivileged it synthesizes and carries a warning', () => {
    const stack = newStack();
    uami(stack).grantGraphAppRoles('Graph', ['RoleManagement.ReadWrite.Directory'], { allowPrivileged: true });
    expect(Object.values(resourcesOf(synthJson(stack), 'azuread_app_role_assignment'))[0])
      .toMatchObject({ app_role_id: '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8' });
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/^test\/Intune\/Graph: Grants the tier-0 permission RoleManagement.ReadWrite.Directory/)]);
  });

  test('allowUnknown resolves an unknown name at plan time, with a warning', () => {
    const stack = newStack();
    uami(stack).grantGraphAppRoles('Graph', ['Agent.Brand.New.All'], { allowUnknown: true });
    expect(Object.values(resourcesOf(synthJson(stack), 'azuread_app_role_assignment'))[0]).toMatchObject({
      app_role_id: '${data.azuread_service_principal.MicrosoftGraphServicePrincipal.app_role_ids["Agent.Brand.New.All"]}',
    });
    expect(warningsOf(stack)).toEqual([expect.stringContaining('"Agent.Brand.New.All" is not in the offline Graph catalog')]);
  });

  test('other resource apps resolve roles by name from one data source each', () => {
    const stack = newStack();
    const identity = uami(stack);
    new AppRoleGrant(stack, 'Sharepoint', { principal: identity, resourceAppId: WellKnownApp.SHAREPOINT_ONLINE, permissions: ['Sites.FullControl.All'] });
    new AppRoleGrant(stack, 'Exchange', { principal: identity, resourceAppId: WellKnownApp.EXCHANGE_ONLINE, permissions: ['full_access_as_app'] });
    new AppRoleGrant(stack, 'Exchange2', { principal: uami(stack, 'Other', 'id-other'), resourceAppId: WellKnownApp.EXCHANGE_ONLINE, permissions: ['Mail.Send'] });
    const json = synthJson(stack);
    expect(dataSourcesOf(json, 'azuread_service_principal')).toEqual({
      SharePointOnlineServicePrincipal: { client_id: '00000003-0000-0ff1-ce00-000000000000' },
      ExchangeOnlineServicePrincipal: { client_id: '00000002-0000-0ff1-ce00-000000000000' },
    });
    const roleIds = Object.values(resourcesOf(json, 'azuread_app_role_assignment')).map((r: any) => r.app_role_id).sort();
    expect(roleIds).toEqual([
      '${data.azuread_service_principal.ExchangeOnlineServicePrincipal.app_role_ids["Mail.Send"]}',
      '${data.azuread_service_principal.ExchangeOnlineServicePrincipal.app_role_ids["full_access_as_app"]}',
      '${data.azuread_service_principal.SharePointOnlineServicePrincipal.app_role_ids["Sites.FullControl.All"]}',
    ]);
  });

  test('granting the same permission twice to one principal names both grants', () => {
    const stack = newStack();
    const identity = uami(stack);
    identity.grantGraphAppRoles('Graph', ['User.Read.All']);
    expect(() => identity.grantGraphAppRoles('More', ['Group.Read.All', 'User.Read.All'])).toThrow(
      'test/Intune/More: invalid permissions[1] "User.Read.All": test/Intune already receives it from test/Intune/Graph permissions[0]',
    );
    expect(() => identity.grantGraphAppRoles('Twice', ['Group.Read.All', 'Group.Read.All'])).toThrow('already receives it from test/Intune/Twice');
  });

  test('the same permission for different principals is fine', () => {
    const stack = newStack();
    uami(stack, 'A', 'id-a-x').grantGraphAppRoles('Graph', ['User.Read.All']);
    uami(stack, 'B', 'id-b-x').grantGraphAppRoles('Graph', ['User.Read.All']);
    expect(Object.keys(resourcesOf(synthJson(stack), 'azuread_app_role_assignment'))).toHaveLength(2);
  });

  test.each([
    [[], 'a grant needs at least one permission'],
    [['User Read'], 'with no spaces'],
  ])('rejects %j', (permissions, message) => {
    expect(() => uami(newStack()).grantGraphAppRoles('Graph', permissions)).toThrow(message);
  });

  test('rejects a resource app ID that is not a GUID', () => {
    expect(() => new AppRoleGrant(newStack(), 'G', { principal: uami(newStack()), resourceAppId: 'graph', permissions: ['x'] }))
      .toThrow('test/G: invalid resourceAppId "graph": resource app ID must be a GUID');
  });

  test('a token resource app gets its own data source', () => {
    const stack = newStack();
    const grant = new AppRoleGrant(stack, 'G', { principal: uami(stack), resourceAppId: Fn.lower('X'), permissions: ['Read'] });
    expect(resolve(stack, grant.resourceServicePrincipal.node.path)).toBe('test/G/ResourceServicePrincipal');
    expect(Object.values(dataSourcesOf(synthJson(stack), 'azuread_service_principal'))).toEqual([{ client_id: '${lower("X")}' }]);
  });
});
