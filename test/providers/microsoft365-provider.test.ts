import { Testing } from 'cdktf';
import { Microsoft365Cloud, Microsoft365Provider, ProviderAuth, UserAssignedIdentity } from '../../src';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, TENANT_ID, newStack, synthJson, warningsOf } from '../util';

function m365(auth: ProviderAuth, extra: object = {}) {
  const stack = newStack();
  new Microsoft365Provider(stack, 'M365', { tenantId: TENANT_ID, auth, ...extra });
  return { stack, json: synthJson(stack) };
}

// Attribute names: deploymenttheory/terraform-provider-microsoft365 internal/provider/provider.go (v0.57.1-alpha).
describe('Microsoft365Provider', () => {
  // v0.57.1-alpha internal/client/client_credential_factory.go passes azidentity.ClientID("") for a
  // system-assigned identity; MSAL Go rejects it on every run.
  test('a system-assigned managed identity is refused for the pinned version, with a user-assigned identity as the fix', () => {
    expect(() => m365(ProviderAuth.managedIdentity())).toThrow(new RegExp('^test/M365: invalid auth "ProviderAuth.managedIdentity\\(\\)": '
      + 'microsoft365 0\\.57\\.1-alpha cannot sign in with a system-assigned identity.*Fix: attach a user-assigned identity to the machine and select it by client ID'));
  });

  test('a system-assigned managed identity with another version is a warning, since the library cannot know that version', () => {
    const { stack, json } = m365(ProviderAuth.managedIdentity(), { providerVersion: '0.60.0-alpha' });
    expect(json.provider.microsoft365).toEqual([{ tenant_id: TENANT_ID, auth_method: 'managed_identity' }]);
    expect(warningsOf(stack)).toEqual([expect.stringContaining('the library cannot know 0.60.0-alpha')]);
  });

  test('user-assigned identity by client ID, as a nested object', () => {
    const { stack, json } = m365(ProviderAuth.managedIdentity({ clientId: CLIENT_ID }));
    expect(json.provider.microsoft365).toEqual([{
      tenant_id: TENANT_ID, auth_method: 'managed_identity', entra_id_options: { managed_identity_id: CLIENT_ID },
    }]);
    expect(warningsOf(stack)).toEqual([]);
  });

  // v0.57.1-alpha internal/provider/configure_clients.go: ManagedIdentityResourceID is never set.
  test('a resource ID is refused, with the lookup that finds the client ID as the fix', () => {
    expect(() => m365(ProviderAuth.managedIdentity({ resourceId: IDENTITY_RESOURCE_ID }))).toThrow(
      `invalid auth.resourceId "${IDENTITY_RESOURCE_ID}": microsoft365 sends managed_identity_id to Azure as a client ID, so a resource ID never selects the identity. `
      + "Fix: use ProviderAuth.managedIdentity({ clientId }), or ({ identity: UserAssignedIdentity.fromLookup(scope, id, { name: 'id-intune-ci', resourceGroupName: 'rg-identity' }) }).");
  });

  test('a known identity always gives its client ID', () => {
    const stack = newStack();
    const identity = UserAssignedIdentity.fromAttributes(stack, 'Id', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    new Microsoft365Provider(stack, 'M365', { auth: ProviderAuth.managedIdentity({ identity }) });
    expect(synthJson(stack).provider.microsoft365).toEqual([{
      tenant_id: TENANT_ID, auth_method: 'managed_identity', entra_id_options: { managed_identity_id: CLIENT_ID },
    }]);
  });

  test('workload identity: client_id, and federated_token_file_path only when given', () => {
    expect(m365(ProviderAuth.workloadIdentity({ clientId: CLIENT_ID })).json.provider.microsoft365).toEqual([{
      tenant_id: TENANT_ID, auth_method: 'workload_identity', entra_id_options: { client_id: CLIENT_ID },
    }]);
    expect(m365(ProviderAuth.workloadIdentity({ clientId: CLIENT_ID, tokenFilePath: '/token' })).json.provider.microsoft365[0].entra_id_options)
      .toEqual({ client_id: CLIENT_ID, federated_token_file_path: '/token' });
  });

  test('AKS workload identity reads the webhook variables', () => {
    expect(m365(ProviderAuth.aksWorkloadIdentity()).json.provider.microsoft365).toEqual([{ tenant_id: TENANT_ID, auth_method: 'workload_identity' }]);
  });

  test('GitHub Actions and Azure DevOps OIDC', () => {
    expect(m365(ProviderAuth.githubActionsOidc({ clientId: CLIENT_ID })).json.provider.microsoft365[0])
      .toEqual({ tenant_id: TENANT_ID, auth_method: 'oidc_github', entra_id_options: { client_id: CLIENT_ID } });
    // The Azure DevOps OIDC strategy reads only AZURE_DEVOPS_FEDERATION_TOKEN, once: no service connection in the block.
    const ado = m365(ProviderAuth.azureDevOpsOidc({ clientId: CLIENT_ID, serviceConnectionId: 'c0ffee00-1111-4222-8333-444455556666' }));
    expect(ado.json.provider.microsoft365[0]).toEqual({ tenant_id: TENANT_ID, auth_method: 'oidc_azure_devops', entra_id_options: { client_id: CLIENT_ID } });
    expect(warningsOf(ado.stack)).toEqual([expect.stringContaining('AZURE_DEVOPS_FEDERATION_TOKEN, read once')]);
  });

  test('cloud, client options, telemetry, debug and alias', () => {
    const { json } = m365(ProviderAuth.managedIdentity({ clientId: CLIENT_ID }), {
      cloud: Microsoft365Cloud.GCC_HIGH, clientOptions: { enableRetry: true, maxRetries: 5, timeoutSeconds: 60 },
      telemetryOptout: true, debugMode: false, alias: 'tenant_b',
    });
    expect(json.provider.microsoft365[0]).toEqual({
      tenant_id: TENANT_ID, auth_method: 'managed_identity', cloud: 'gcchigh', entra_id_options: { managed_identity_id: CLIENT_ID },
      client_options: { enable_retry: true, max_retries: 5, timeout_seconds: 60 }, telemetry_optout: true, debug_mode: false, alias: 'tenant_b',
    });
  });

  test('required_providers pins the pre-release exactly, and the user can override it', () => {
    const auth = ProviderAuth.managedIdentity({ clientId: CLIENT_ID });
    expect(m365(auth).json.terraform.required_providers.microsoft365)
      .toEqual({ source: 'deploymenttheory/microsoft365', version: '0.57.1-alpha' });
    expect(m365(auth, { providerVersion: '0.58.0-alpha' }).json.terraform.required_providers.microsoft365.version)
      .toBe('0.58.0-alpha');
  });

  // Every release is a pre-release, which Terraform selects only by an exact version constraint.
  test.each(['>= 0.57.1-alpha', '~> 0.57', '0.57', '>= 0.50.0, < 1.0.0'])('refuses the version range %j, which can never install', (providerVersion) => {
    expect(() => m365(ProviderAuth.managedIdentity({ clientId: CLIENT_ID }), { providerVersion }))
      .toThrow(`test/M365: invalid providerVersion ${JSON.stringify(providerVersion)}: every microsoft365 release is a pre-release`);
  });

  test('two default microsoft365 blocks in one stack are refused with the alias fix; an alias makes them valid', () => {
    const stack = newStack();
    const auth = ProviderAuth.managedIdentity({ clientId: CLIENT_ID });
    new Microsoft365Provider(stack, 'First', { tenantId: TENANT_ID, auth });
    const second = new Microsoft365Provider(stack, 'Second', { tenantId: TENANT_ID, auth });
    expect(() => synthJson(stack)).toThrow(/test\/First is already the default microsoft365 provider of stack test.*Duplicate provider configuration.*Fix: pass alias/);
    second.alias = 'second';
    expect(synthJson(stack).provider.microsoft365.map((p: any) => p.alias)).toEqual([undefined, 'second']);
  });

  test('exposes no secret-bearing attribute', () => {
    const json = JSON.stringify(m365(ProviderAuth.workloadIdentity({ clientId: CLIENT_ID })).json.provider);
    for (const secret of ['client_secret', 'client_certificate', 'password', 'username', 'proxy_password']) expect(json).not.toContain(secret);
  });

  test('synthesizes entra_id_options as an HCL object', () => {
    const stack = newStack();
    new Microsoft365Provider(stack, 'M365', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ clientId: CLIENT_ID }) });
    const hcl = Testing.synthHcl(stack);
    expect(hcl).toMatch(/provider "microsoft365" \{[^]*entra_id_options = \{[^]*managed_identity_id = "22222222-3333-4444-5555-666666666666"/);
  });

  test.each([
    [{ tenantId: 'contoso' }, 'test/M365: invalid tenantId "contoso": tenant ID must be a GUID'],
    [{ cloud: 'usgov' }, 'test/M365: invalid cloud "usgov": the microsoft365 provider knows only its own cloud names. Fix: use Microsoft365Cloud.PUBLIC, Microsoft365Cloud.DOD, Microsoft365Cloud.GCC, Microsoft365Cloud.GCC_HIGH, Microsoft365Cloud.CHINA, Microsoft365Cloud.EX or Microsoft365Cloud.RX'],
    [{ auth: ProviderAuth.managedIdentity({ clientId: CLIENT_ID, resourceId: IDENTITY_RESOURCE_ID }) }, 'test/M365: invalid auth.clientId, auth.resourceId'],
  ])('rejects %#', (props, message) => {
    expect(() => new Microsoft365Provider(newStack(), 'M365', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity(), ...props as any }))
      .toThrow(message);
  });

  test('a tenant that disagrees with the identity fails with the construct path', () => {
    const stack = newStack();
    const identity = UserAssignedIdentity.fromAttributes(stack, 'Id', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    expect(() => new Microsoft365Provider(stack, 'M365', { tenantId: PRINCIPAL_ID, auth: ProviderAuth.managedIdentity({ identity }) }))
      .toThrow(`test/M365: invalid tenantId "${PRINCIPAL_ID}": the identity test/Id lives in tenant "${TENANT_ID}"`);
  });

  test('warns when the identity is created in the provider\'s own stack', () => {
    const stack = newStack();
    const identity = new UserAssignedIdentity(stack, 'Id', { name: 'id-x', resourceGroupName: 'rg', location: 'westeurope' });
    new Microsoft365Provider(stack, 'M365', { tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity }) });
    expect(warningsOf(stack)).toEqual([expect.stringContaining('which the same stack creates: its IDs are unknown until apply')]);
  });
});
