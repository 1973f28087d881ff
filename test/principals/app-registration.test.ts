import { Fn } from 'cdktf';
import { Application } from '@cdktf/provider-azuread/lib/application';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { AppRegistration, PrincipalKind, SignInAudience } from '../../src';
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
    expect(resolve(stack, app.applicationId)).toMatch(/^\$\{azuread_application\.\w+\.id\}$/);
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

  test('accepts tokens', () => {
    expect(() => new AppRegistration(newStack(), 'Ci', { displayName: Fn.lower('X'), owners: [Fn.lower('Y')] })).not.toThrow();
  });
});
