import { GraphPermissions, PrivilegeTier, WellKnownApp } from '../../src';
import { ValidationError } from '../../src/core/validation-error';
import { thrownBy } from '../util';
import { idIn } from '../../src/permissions/graph-permissions';
import { GRAPH_APP_ROLES, GRAPH_DELEGATED_SCOPES } from '../../src/permissions/graph-catalog.generated';

describe('GraphPermissions', () => {
  // IDs as documented in Microsoft's Graph permissions reference (learn.microsoft.com/graph/permissions-reference).
  test.each([
    ['User.Read.All', 'df021288-bdef-4463-88db-98f22de89214'],
    ['DeviceManagementConfiguration.ReadWrite.All', '9241abd9-d0e6-425a-bd4f-47ba86e767a4'],
    ['Directory.Read.All', '7ab1d382-f21e-4acd-a863-ba3e13f7da61'],
    ['DeviceManagementConfiguration.Read.All', 'dc377aa6-52d8-4e23-b271-2a7ae04cedf3'],
    ['Mail.Send', 'b633e1c5-b582-4048-a93e-9f11b44c7e96'],
  ])('application permission %s is %s', (name, id) => {
    expect(GraphPermissions.appRoleId(name)).toBe(id);
    expect(GraphPermissions.isKnownAppRole(name)).toBe(true);
  });

  test('application and delegated IDs differ for the same name', () => {
    expect(GraphPermissions.appRoleId('Directory.Read.All')).toBe('7ab1d382-f21e-4acd-a863-ba3e13f7da61');
    expect(GraphPermissions.delegatedScopeId('Directory.Read.All')).toBe('06da0dbc-49e2-44d2-8312-53f166ab848a');
    expect(GraphPermissions.delegatedScopeId('User.Read')).toBe('e1fe6dd8-ba31-4d61-89e7-88639da4683d');
  });

  test('a typo gets did-you-mean suggestions', () => {
    expect(() => GraphPermissions.appRoleId('User.Reed.All')).toThrow('Did you mean "User.Read.All"');
    expect(() => GraphPermissions.appRoleId('user.read.all')).toThrow('Did you mean "User.Read.All"');
    expect(() => GraphPermissions.appRoleId('DeviceManagementConfiguration.ReadWrite')).toThrow('"DeviceManagementConfiguration.ReadWrite.All"');
  });

  test('suggestions are at most three', () => {
    const message: string = thrownBy(() => GraphPermissions.appRoleId('Sites.Read'))?.message ?? '';
    const suggested = /Did you mean (.*)\?/.exec(message)![1].split(/, | or /);
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.length).toBeLessThanOrEqual(3);
  });

  test('a delegated-only name used as an application permission says so', () => {
    expect(() => GraphPermissions.appRoleId('User.Read')).toThrow(
      '"User.Read" is a delegated permission of Microsoft Graph, which acts for a signed-in user; it has no application (app role) form',
    );
  });

  test('an application-only name used as a delegated permission says so', () => {
    expect(() => GraphPermissions.delegatedScopeId('Application.ReadWrite.OwnedBy')).toThrow('has no delegated form');
  });

  test('errors are the library\'s own type', () => {
    const error = thrownBy(() => GraphPermissions.appRoleId('Nope'));
    expect(ValidationError.isValidationError(error)).toBe(true);
  });

  test.each([
    'RoleManagement.ReadWrite.Directory', 'AppRoleAssignment.ReadWrite.All', 'Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy',
    'Directory.ReadWrite.All', 'Group.ReadWrite.All', 'GroupMember.ReadWrite.All', 'User.ReadWrite.All', 'UserAuthenticationMethod.ReadWrite.All',
    'Policy.ReadWrite.ConditionalAccess', 'Policy.ReadWrite.AuthenticationMethod', 'Policy.ReadWrite.PermissionGrant', 'Domain.ReadWrite.All',
    'Organization.ReadWrite.All', 'DeviceManagementConfiguration.ReadWrite.All', 'DeviceManagementRBAC.ReadWrite.All',
    'DeviceManagementScripts.ReadWrite.All', 'EntitlementManagement.ReadWrite.All', 'PrivilegedAccess.ReadWrite.AzureAD',
    'RoleAssignmentSchedule.ReadWrite.Directory', 'RoleEligibilitySchedule.ReadWrite.Directory', 'Synchronization.ReadWrite.All',
    'AdministrativeUnit.ReadWrite.All',
  ])('%s is tier 0', (name) => {
    expect(GraphPermissions.privilegeTier(name)).toBe(PrivilegeTier.TIER_0);
  });

  test('other tiers', () => {
    expect(GraphPermissions.privilegeTier('DeviceManagementApps.ReadWrite.All')).toBe(PrivilegeTier.TIER_1);
    expect(GraphPermissions.privilegeTier('Mail.Send')).toBe(PrivilegeTier.TIER_1);
    expect(GraphPermissions.privilegeTier('User.Read.All')).toBe(PrivilegeTier.TIER_2);
  });

  test('well-known first-party app IDs', () => {
    expect(WellKnownApp.MICROSOFT_GRAPH).toBe('00000003-0000-0000-c000-000000000000');
    expect(WellKnownApp.AZURE_DEVOPS).toBe('499b84ac-1321-427f-aa17-267ca6975798');
    expect(WellKnownApp.SHAREPOINT_ONLINE).toBe('00000003-0000-0ff1-ce00-000000000000');
    expect(WellKnownApp.EXCHANGE_ONLINE).toBe('00000002-0000-0ff1-ce00-000000000000');
  });

  test('the catalog is complete', () => {
    expect(GraphPermissions.appRoleNames()).toHaveLength(716);
  });
});

test('the tier reads the verb, not the resource: DeviceManagementApps.Read.All reads', () => {
  expect(GraphPermissions.privilegeTier('DeviceManagementApps.Read.All')).toBe(PrivilegeTier.TIER_2);
  expect(GraphPermissions.privilegeTier('DeviceManagementApps.ReadWrite.All')).toBe(PrivilegeTier.TIER_1);
});

test('WellKnownApp holds the generated catalog\'s first-party app IDs', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FIRST_PARTY_APP_IDS } = require('../../src/permissions/graph-catalog.generated');
  expect({
    MICROSOFT_GRAPH: WellKnownApp.MICROSOFT_GRAPH, AZURE_DEVOPS: WellKnownApp.AZURE_DEVOPS,
    SHAREPOINT_ONLINE: WellKnownApp.SHAREPOINT_ONLINE, EXCHANGE_ONLINE: WellKnownApp.EXCHANGE_ONLINE,
  }).toEqual(FIRST_PARTY_APP_IDS);
});

describe('the catalog lookup', () => {
  const lists = { GRAPH_APP_ROLES, GRAPH_DELEGATED_SCOPES };

  test.each(Object.entries(lists))('%s is sorted by name, as the lookup\'s binary search needs', (_list, entries) => {
    const names = entries.map((entry) => entry.slice(0, entry.indexOf(' ')));
    for (let i = 1; i < names.length; i++) expect(names[i - 1] < names[i]).toBe(true);
  });

  test.each(Object.entries(lists))('finds every entry of %s, and nothing between, before or after them', (_list, entries) => {
    for (const entry of entries) {
      const [name, id] = entry.split(' ');
      expect(idIn(entries, name)).toBe(id);
      expect(idIn(entries, `${name}.`)).toBeUndefined();
      expect(idIn(entries, name.slice(0, -1))).toBe(entries.find((e) => e.startsWith(`${name.slice(0, -1)} `))?.split(' ')[1]);
    }
    expect(idIn(entries, '')).toBeUndefined();
    expect(idIn(entries, '~')).toBeUndefined();
    expect(idIn([], 'User.Read.All')).toBeUndefined();
  });
});
