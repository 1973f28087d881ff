import { Construct } from 'constructs';
import { TerraformDataSource, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { AppRegistration, LeastPrivilege, LeastPrivilegeCheck, Microsoft365Provider, ProviderAuth, UserAssignedIdentity } from '../../src';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, TENANT_ID, addProviders, newStack, resourcesOf, synthJson, warningsOf } from '../util';

// Types and what they declare: the committed catalog, generated from microsoft365 v0.57.1-alpha
// (ReadPermissions/WritePermissions in each type's Go constructor) and azuread v3.7.0 (each docs
// page's "API Permissions" section).
function resource(scope: Construct, id: string, type: string, attributes: { [name: string]: unknown } = {}): TerraformResource {
  const r = new TerraformResource(scope, id, { terraformResourceType: type });
  for (const [name, value] of Object.entries(attributes)) r.addOverride(name, value);
  return r;
}

function dataSource(scope: Construct, id: string, type: string): TerraformDataSource {
  return new TerraformDataSource(scope, id, { terraformResourceType: type });
}

function workloadStack(id = 'workload'): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  addProviders(stack);
  return stack;
}

describe('LeastPrivilege.requiredBy', () => {
  test('a settings catalog policy needs DeviceManagementConfiguration: ReadWrite to apply, Read to plan', () => {
    const stack = workloadStack();
    resource(stack, 'Baseline', 'microsoft365_graph_beta_device_management_settings_catalog_configuration_policy');
    const needs = LeastPrivilege.requiredBy(stack);
    expect(needs.applicationPermissions).toEqual(['DeviceManagementConfiguration.ReadWrite.All']);
    expect(needs.planPermissions).toEqual(['DeviceManagementConfiguration.Read.All']);
    expect(needs.reasonsFor('DeviceManagementConfiguration.ReadWrite.All'))
      .toEqual(['microsoft365_graph_beta_device_management_settings_catalog_configuration_policy.Baseline']);
  });

  test('a narrower permission in a hint list wins over the broader one beside it: Application.Read.All, not Directory.Read.All', () => {
    const stack = workloadStack();
    dataSource(stack, 'App', 'microsoft365_graph_beta_applications_application');
    expect(LeastPrivilege.requiredBy(stack).applicationPermissions).toEqual(['Application.Read.All']);
  });

  test('X.ReadWrite.All covers X.Read.All: a group resource and a group data source need the write form once', () => {
    const stack = workloadStack();
    resource(stack, 'Pilot', 'microsoft365_graph_beta_groups_group');
    dataSource(stack, 'Existing', 'microsoft365_graph_beta_groups_group');
    const needs = LeastPrivilege.requiredBy(stack);
    expect(needs.applicationPermissions).toEqual(['Group.ManageProtection.All', 'Group.ReadWrite.All', 'GroupMember.Read.All']);
    expect(needs.planPermissions).toEqual(['Group.ManageProtection.All', 'Group.Read.All', 'GroupMember.Read.All']);
    // The data source's Group.Read.All is covered by the resource's Group.ReadWrite.All, and its reason moves there.
    expect(needs.reasonsFor('Group.ReadWrite.All')).toEqual(['data.microsoft365_graph_beta_groups_group.Existing', 'microsoft365_graph_beta_groups_group.Pilot']);
    expect(needs.reasonsFor('Directory.ReadWrite.All')).toEqual([]);
  });

  test('azuread: the first alternative wins, with its condition as a note', () => {
    const stack = workloadStack();
    resource(stack, 'Cred', 'azuread_application_federated_identity_credential', { application_id: '/applications/x' });
    const needs = LeastPrivilege.requiredBy(stack);
    expect(needs.applicationPermissions).toEqual(['Application.ReadWrite.OwnedBy']);
    expect(needs.notes).toEqual([
      'azuread_application_federated_identity_credential.Cred: Application.ReadWrite.OwnedBy holds only if principal must be an owner of the application',
    ]);
  });

  test('azuread: the owner-only alternative is skipped when the owners given cannot include the principal, and the note says so', () => {
    const stack = workloadStack();
    const app = new AppRegistration(stack, 'Ci', { displayName: 'ci', owners: ['99999999-9999-4999-8999-999999999999'] });
    void app;
    const needs = LeastPrivilege.requiredBy(stack, { principalId: PRINCIPAL_ID });
    expect(needs.applicationPermissions).toEqual(['Application.ReadWrite.All']);
    expect(needs.notes.join('\n')).toContain(`Application.ReadWrite.OwnedBy cannot hold: the owners given do not include ${PRINCIPAL_ID}; chose Application.ReadWrite.All`);
  });

  test('azuread app role assignments need AppRoleAssignment.ReadWrite.All and Application.Read.All (the deployer\'s view)', () => {
    const stack = newStack();
    new UserAssignedIdentity(stack, 'Id', { name: 'id-x-y', resourceGroupName: 'rg', location: 'westeurope' }).grantGraphAppRoles('Graph', ['User.Read.All']);
    const needs = LeastPrivilege.requiredBy(stack);
    expect(needs.applicationPermissions).toEqual(['AppRoleAssignment.ReadWrite.All', 'Application.Read.All']);
    expect(needs.toMarkdown('Deployer')).toContain('| AppRoleAssignment.ReadWrite.All | Tier 0 |');
  });

  test('unknown types of the two providers are listed; other providers\' types are ignored', () => {
    const stack = workloadStack();
    resource(stack, 'New', 'microsoft365_graph_beta_something_new');
    resource(stack, 'Vnet', 'azurerm_virtual_network');
    const needs = LeastPrivilege.requiredBy(stack);
    expect(needs.unknownTypes).toEqual(['microsoft365_graph_beta_something_new']);
    expect(needs.applicationPermissions).toEqual([]);
  });

  test('a provider block of another version than the catalog\'s is named, with both versions', () => {
    const stack = workloadStack();
    new Microsoft365Provider(stack, 'M365', { tenantId: TENANT_ID, auth: ProviderAuth.workloadIdentity({ clientId: CLIENT_ID }), providerVersion: '0.58.0-alpha' });
    dataSource(stack, 'Apps', 'microsoft365_graph_beta_device_and_app_management_mobile_app');
    expect(LeastPrivilege.requiredBy(stack).versionWarnings).toEqual([
      'workload/M365 uses microsoft365 0.58.0-alpha, but the least-privilege catalog was read from microsoft365 0.57.1-alpha: a type may need other permissions in that version',
    ]);
    expect(LeastPrivilege.requiredBy(workloadStack('other')).versionWarnings).toEqual([]);
  });
});

/** An identity in one stack and, beside it, the workload stack it runs. */
function twoStacks() {
  const app = Testing.app();
  const identityStack = new TerraformStack(app, 'identity');
  addProviders(identityStack);
  const identity = new UserAssignedIdentity(identityStack, 'Intune', { name: 'id-intune', resourceGroupName: 'rg', location: 'westeurope' });
  const workload = new TerraformStack(app, 'workload');
  addProviders(workload);
  return { identityStack, identity, workload };
}

describe('grantGraphAppRolesRequiredBy', () => {
  const granted = (stack: TerraformStack) => Object.entries(resourcesOf(synthJson(stack), 'azuread_app_role_assignment'))
    .map(([id, body]: [string, any]) => `${id} ${body.app_role_id}`).sort();

  test('grants exactly what the workload stack needs, computed at synth, so the workload can be built after', () => {
    const { identityStack, identity, workload } = twoStacks();
    identity.grantGraphAppRolesRequiredBy('Graph', workload);
    dataSource(workload, 'Apps', 'microsoft365_graph_beta_device_and_app_management_mobile_app');
    expect(granted(identityStack)).toEqual([expect.stringMatching(/^Intune_Graph_Roles_DeviceManagementAppsReadAll_[0-9A-F]{8} 7a6ee1e7-141e-4cec-ae74-d9db155731ff$/)]);
  });

  test('adding a resource adds an assignment and keeps the existing addresses', () => {
    const before = twoStacks();
    before.identity.grantGraphAppRolesRequiredBy('Graph', before.workload);
    dataSource(before.workload, 'Apps', 'microsoft365_graph_beta_device_and_app_management_mobile_app');
    const after = twoStacks();
    after.identity.grantGraphAppRolesRequiredBy('Graph', after.workload);
    dataSource(after.workload, 'Apps', 'microsoft365_graph_beta_device_and_app_management_mobile_app');
    dataSource(after.workload, 'Sso', 'microsoft365_graph_beta_applications_application');
    const [first] = granted(before.identityStack);
    expect(granted(after.identityStack)).toContain(first);
    expect(granted(after.identityStack)).toHaveLength(2);
  });

  test('a tier-0 need fails without allowPrivileged, naming the resource that pulls it in', () => {
    const { identityStack, identity, workload } = twoStacks();
    identity.grantGraphAppRolesRequiredBy('Graph', workload);
    resource(workload, 'Pilot', 'microsoft365_graph_beta_groups_group');
    expect(() => synthJson(identityStack)).toThrow(/identity\/Intune\/Graph: invalid requiredBy "workload": the configuration needs the tier-0 permission Group.ReadWrite.All .*pulled in by microsoft365_graph_beta_groups_group.Pilot/);
  });

  test('with allowPrivileged the tier-0 set is granted, with a warning', () => {
    const { identityStack, identity, workload } = twoStacks();
    identity.grantGraphAppRolesRequiredBy('Graph', workload, { allowPrivileged: true });
    resource(workload, 'Pilot', 'microsoft365_graph_beta_groups_group');
    expect(granted(identityStack)).toHaveLength(3);
    expect(warningsOf(identityStack).join('\n')).toContain('tier-0');
  });

  test('unknown types are a warning that names them', () => {
    const { identityStack, identity, workload } = twoStacks();
    identity.grantGraphAppRolesRequiredBy('Graph', workload);
    resource(workload, 'New', 'microsoft365_graph_beta_something_new');
    synthJson(identityStack);
    expect(warningsOf(identityStack)).toEqual([expect.stringContaining('microsoft365_graph_beta_something_new is not in the least-privilege catalog')]);
  });
});

describe('LeastPrivilegeCheck', () => {
  test('a missing permission is an error naming the resource; an unneeded one is a warning with its tier', () => {
    const { identityStack, identity, workload } = twoStacks();
    resource(workload, 'Baseline', 'microsoft365_graph_beta_device_management_settings_catalog_configuration_policy');
    identity.grantGraphAppRoles('ByHand', ['DeviceManagementConfiguration.Read.All', 'User.Read.All']);
    new LeastPrivilegeCheck(identityStack, 'Check', { grantee: identity, requiredBy: workload });
    expect(() => synthJson(identityStack)).toThrow(/identity\/Check: invalid grantee "identity\/Intune": it lacks DeviceManagementConfiguration.ReadWrite.All, which microsoft365_graph_beta_device_management_settings_catalog_configuration_policy.Baseline needs/);
  });

  test('a grant worked out from the configuration counts, even when the check\'s stack synthesizes first', () => {
    const app = Testing.app();
    const workload = new TerraformStack(app, 'workload');
    addProviders(workload);
    dataSource(workload, 'Apps', 'microsoft365_graph_beta_device_and_app_management_mobile_app');
    const identityStack = new TerraformStack(app, 'identity');
    addProviders(identityStack);
    const identity = new UserAssignedIdentity(identityStack, 'Intune', { name: 'id-intune', resourceGroupName: 'rg', location: 'westeurope' });
    identity.grantGraphAppRolesRequiredBy('Graph', workload);
    new LeastPrivilegeCheck(workload, 'Check', { grantee: identity, requiredBy: workload });
    app.synth();
    expect(warningsOf(workload)).toEqual([]);
  });

  test('grants to the same identity referred to twice count as one identity\'s', () => {
    const { identityStack, workload } = twoStacks();
    dataSource(workload, 'Apps', 'microsoft365_graph_beta_device_and_app_management_mobile_app');
    const attributes = { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID };
    UserAssignedIdentity.fromAttributes(identityStack, 'Granted', attributes).grantGraphAppRoles('ByHand', ['DeviceManagementApps.Read.All']);
    new LeastPrivilegeCheck(identityStack, 'Check', { grantee: UserAssignedIdentity.fromAttributes(identityStack, 'Checked', attributes), requiredBy: workload });
    expect(() => synthJson(identityStack)).not.toThrow();
  });

  test('excess grants warn with their tier', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'one');
    addProviders(stack);
    const identity = new UserAssignedIdentity(stack, 'Intune', { name: 'id-intune', resourceGroupName: 'rg', location: 'westeurope' });
    const workload = new Construct(stack, 'Workload');
    dataSource(workload, 'Apps', 'microsoft365_graph_beta_device_and_app_management_mobile_app');
    identity.grantGraphAppRoles('ByHand', ['DeviceManagementApps.Read.All', 'Directory.Read.All']);
    new LeastPrivilegeCheck(stack, 'Check', { grantee: identity, requiredBy: workload });
    synthJson(stack);
    expect(warningsOf(stack)).toEqual([expect.stringContaining('holds Directory.Read.All (Tier 2), which one/Workload does not need')]);
  });
});
