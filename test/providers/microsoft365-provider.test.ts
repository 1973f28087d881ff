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
  test('system-assigned managed identity: auth_method managed_identity and no managed_identity_id, with a warning', () => {
    const { stack, json } = m365(ProviderAuth.managedIdentity());
    expect(json.provider.microsoft365).toEqual([{ tenant_id: TENANT_ID, auth_method: 'managed_identity' }]);
    expect(warningsOf(stack)).toEqual([expect.stringContaining('system-assigned identity sends an empty client ID')]);
  });

  test('user-assigned identity by client ID, as a nested object', () => {
    const { stack, json } = m365(ProviderAuth.managedIdentity({ clientId: CLIENT_ID }));
    expect(json.provider.microsoft365).toEqual([{
      tenant_id: TENANT_ID, auth_method: 'managed_identity', entra_id_options: { managed_identity_id: CLIENT_ID },
    }]);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('user-assigned identity by resource ID: emitted, with a warning to pass the client ID', () => {
    const { stack, json } = m365(ProviderAuth.managedIdentity({ resourceId: IDENTITY_RESOURCE_ID }));
    expect(json.provider.microsoft365[0].entra_id_options).toEqual({ managed_identity_id: IDENTITY_RESOURCE_ID });
    expect(warningsOf(stack)).toEqual([expect.stringContaining('a resource ID does not select the identity')]);
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
    expect(m365(ProviderAuth.azureDevOpsOidc({ clientId: CLIENT_ID, serviceConnectionId: 'sc-1' })).json.provider.microsoft365[0])
      .toEqual({ tenant_id: TENANT_ID, auth_method: 'oidc_azure_devops', entra_id_options: { client_id: CLIENT_ID, ado_service_connection_id: 'sc-1' } });
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
    expect(m365(ProviderAuth.managedIdentity()).json.terraform.required_providers.microsoft365)
      .toEqual({ source: 'deploymenttheory/microsoft365', version: '0.57.1-alpha' });
    expect(m365(ProviderAuth.managedIdentity(), { providerVersion: '0.58.0-alpha' }).json.terraform.required_providers.microsoft365.version)
      .toBe('0.58.0-alpha');
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
    [{ cloud: 'usgov' }, 'test/M365: invalid cloud "usgov": the microsoft365 provider knows only its own cloud names. Fix: use one of public, dod, gcc, gcchigh, china, ex, rx'],
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
