import { Fn } from 'cdktf';
import { Application } from '@cdktf/provider-azuread/lib/application';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { AppRegistration, PrincipalKind, SignInAudience, Trust } from '../../src';
import { PRINCIPAL_ID, newStack, resolve, resourcesOf, synthJson, synthScope } from '../util';

describe('AppRegistration', () => {
  test('emits an application and a service principal bound to its client ID', () => {
    const synthesized = synthScope((stack) => {
      new AppRegistration(stack, 'Ci', { displayName: 'terraform-intune-ci' });
    });
    expect(synthesized).toHaveResourceWithProperties(Application, {
      display_name: 'terraform-intune-ci',
      sign_in_audience: 'AzureADMyOrg',
    });
    const json = JSON.parse(synthesized);
    const [appId] = Object.keys(resourcesOf(json, 'azuread_application'));
    expect(synthesized).toHaveResourceWithProperties(ServicePrincipal, {
      client_id: `\${azuread_application.${appId}.client_id}`,
    });
  });

  test('passes owners, audience, description and tags through', () => {
    const stack = newStack();
    new AppRegistration(stack, 'Ci', {
      displayName: 'terraform-intune-ci',
      owners: [PRINCIPAL_ID],
      signInAudience: SignInAudience.MULTI_TENANT,
      description: 'Runs Terraform against Intune',
      tags: ['terraform'],
    });
    const json = synthJson(stack);
    expect(Object.values(resourcesOf(json, 'azuread_application'))[0]).toEqual({
      display_name: 'terraform-intune-ci',
      owners: [PRINCIPAL_ID],
      sign_in_audience: 'AzureADMultipleOrgs',
      description: 'Runs Terraform against Intune',
      tags: ['terraform'],
    });
    expect(Object.values(resourcesOf(json, 'azuread_service_principal'))[0]).toMatchObject({ owners: [PRINCIPAL_ID] });
  });

  test('exposes the attributes other resources need', () => {
    const stack = newStack();
    const app = new AppRegistration(stack, 'Ci', { displayName: 'terraform-intune-ci' });
    expect(app.principalKind).toBe(PrincipalKind.APPLICATION);
    expect(resolve(stack, app.clientId)).toMatch(/^\$\{azuread_application\.\w+\.client_id\}$/);
    expect(resolve(stack, app.objectId)).toMatch(/^\$\{azuread_application\.\w+\.object_id\}$/);
    expect(resolve(stack, app.applicationResourceId)).toMatch(/^\$\{azuread_application\.\w+\.id\}$/);
    expect(resolve(stack, app.principalId)).toMatch(/^\$\{azuread_service_principal\.\w+\.object_id\}$/);
    expect(resolve(stack, app.tenantId)).toMatch(/^\$\{azuread_service_principal\.\w+\.application_tenant_id\}$/);
    expect(app.node.defaultChild).toBe(app.application);
  });

  test.each(['', '   '])('rejects the display name %j', (displayName) => {
    expect(() => new AppRegistration(newStack(), 'Ci', { displayName }))
      .toThrow(`test/Ci: invalid displayName ${JSON.stringify(displayName)}: display name must not be empty. Fix: pass a display name`);
  });

  test('rejects an owner that is not an object ID', () => {
    expect(() => new AppRegistration(newStack(), 'Ci', { displayName: 'x', owners: [PRINCIPAL_ID, 'alice@contoso.com'] }))
      .toThrow('test/Ci: invalid owners[1] "alice@contoso.com": object ID must be a GUID');
  });

  test('accepts tokens, which reach the output as Terraform expressions', () => {
    const stack = newStack();
    new AppRegistration(stack, 'Ci', { displayName: Fn.lower('X'), owners: [Fn.lower('Y')] });
    expect(Object.values(resourcesOf(synthJson(stack), 'azuread_application'))[0]).toMatchObject({
      display_name: '${lower("X")}', owners: ['${lower("Y")}'],
    });
  });
});

describe('AppRegistration apiPermissions', () => {
  test('declares required_resource_access and grants both kinds of permission', () => {
    const stack = newStack();
    new AppRegistration(stack, 'Ci', {
      displayName: 'ci',
      apiPermissions: { applicationPermissions: ['DeviceManagementConfiguration.Read.All'], delegatedPermissions: ['User.Read', 'openid'] },
    });
    const json = synthJson(stack);
    expect(Object.values(resourcesOf(json, 'azuread_application'))[0]).toMatchObject({
      required_resource_access: [{
        resource_app_id: '00000003-0000-0000-c000-000000000000',
        resource_access: [
          { id: 'dc377aa6-52d8-4e23-b271-2a7ae04cedf3', type: 'Role' },
          { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' },
          { id: '37f7f235-527c-4136-accd-4a02d197296e', type: 'Scope' },
        ],
      }],
    });
    expect(Object.values(resourcesOf(json, 'azuread_app_role_assignment'))).toEqual([expect.objectContaining({
      app_role_id: 'dc377aa6-52d8-4e23-b271-2a7ae04cedf3',
      principal_object_id: expect.stringMatching(/^\$\{azuread_service_principal\.\w+\.object_id\}$/),
    })]);
    expect(Object.values(resourcesOf(json, 'azuread_service_principal_delegated_permission_grant'))).toEqual([expect.objectContaining({
      claim_values: ['User.Read', 'openid'],
      resource_service_principal_object_id: '${data.azuread_service_principal.MicrosoftGraphServicePrincipal.object_id}',
      service_principal_object_id: expect.stringMatching(/^\$\{azuread_service_principal\.\w+\.object_id\}$/),
    })]);
  });

  test.each([
    [{ applicationPermissions: ['User.Read'] }, 'invalid apiPermissions.applicationPermissions entry "User.Read": "User.Read" is a delegated permission'],
    [{ delegatedPermissions: ['User.Reed'] }, 'invalid apiPermissions.delegatedPermissions entry "User.Reed"'],
    [{ delegatedPermissions: ['Application.ReadWrite.OwnedBy'] }, 'list it under applicationPermissions instead'],
    [{ applicationPermissions: ['Application.ReadWrite.All'] }, 'it is tier 0'],
  ])('rejects %j', (apiPermissions, message) => {
    expect(() => new AppRegistration(newStack(), 'Ci', { displayName: 'ci', apiPermissions })).toThrow(message);
  });

  test('tier 0 passes with allowPrivileged, and is granted', () => {
    const stack = newStack();
    new AppRegistration(stack, 'Ci', {
      displayName: 'ci', apiPermissions: { applicationPermissions: ['Application.ReadWrite.All'], allowPrivileged: true },
    });
    expect(Object.values(resourcesOf(synthJson(stack), 'azuread_app_role_assignment')).map((a: any) => a.app_role_id))
      .toEqual(['1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9']);
  });
});

describe('AppRegistration imports', () => {
  const OBJECT_ID = '55555555-6666-7777-8888-999999999999';
  const attrs = { objectId: OBJECT_ID, clientId: '22222222-3333-4444-5555-666666666666', principalId: PRINCIPAL_ID, tenantId: '11111111-2222-3333-4444-555555555555' };

  test('fromAttributes emits nothing and can hold credentials and grants', () => {
    const stack = newStack();
    const app = AppRegistration.fromAttributes(stack, 'Existing', attrs);
    expect(app.applicationResourceId).toBe(`/applications/${OBJECT_ID}`);
    expect(app.principalKind).toBe(PrincipalKind.APPLICATION);
    app.addFederatedCredential('Prod', Trust.githubActions({ owner: 'contoso', repository: 'infra', environment: 'prod' }));
    app.grantGraphAppRoles('Graph', ['Group.Read.All']);
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azuread_application')).toEqual({});
    expect(Object.values(resourcesOf(json, 'azuread_application_federated_identity_credential'))[0]).toMatchObject({ application_id: `/applications/${OBJECT_ID}` });
    expect(Object.values(resourcesOf(json, 'azuread_app_role_assignment'))[0]).toMatchObject({ principal_object_id: PRINCIPAL_ID });
  });

  test('fromLookup reads the application and its service principal by client ID', () => {
    const stack = newStack();
    const app = AppRegistration.fromLookup(stack, 'Existing', { clientId: attrs.clientId });
    const json = synthJson(stack);
    expect(Object.values(json.data.azuread_application)).toEqual([{ client_id: attrs.clientId }]);
    expect(Object.values(json.data.azuread_service_principal)).toEqual([{ client_id: attrs.clientId }]);
    expect(resolve(stack, app.applicationResourceId)).toMatch(/^\$\{data\.azuread_application\.\w+\.id\}$/);
    expect(resolve(stack, app.principalId)).toMatch(/^\$\{data\.azuread_service_principal\.\w+\.object_id\}$/);
  });

  test.each([
    ['objectId', 'app-object', 'object ID must be a GUID'],
    ['clientId', 'app', 'client ID must be a GUID'],
    ['principalId', 'sp', 'principal ID must be a GUID'],
    ['tenantId', 'contoso', 'tenant ID must be a GUID'],
  ])('fromAttributes rejects %s %j', (key, value, message) => {
    expect(() => AppRegistration.fromAttributes(newStack(), 'Existing', { ...attrs, [key]: value }))
      .toThrow(`test/Existing: invalid ${key} ${JSON.stringify(value)}: ${message}`);
  });

  test('fromLookup rejects a client ID that is not a GUID', () => {
    expect(() => AppRegistration.fromLookup(newStack(), 'Existing', { clientId: 'terraform-ci' })).toThrow('test/Existing: invalid clientId "terraform-ci"');
  });
});
