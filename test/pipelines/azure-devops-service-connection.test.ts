import { TerraformStack, Testing } from 'cdktf';
import {
  AppRegistration, AzureDevOpsPlanApply, AzureDevOpsProvider, AzureDevOpsServiceConnection, ProviderAuth, TerraformProviderKind, UserAssignedIdentity, ValidationError,
} from '../../src';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, SUBSCRIPTION_ID, TENANT_ID, dataSourcesOf, newStack, resolve, resourcesOf, synthJson, thrownBy } from '../util';

const PROJECT_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function adoStack(): TerraformStack {
  const stack = newStack();
  new AzureDevOpsProvider(stack, 'Ado', { orgServiceUrl: 'https://dev.azure.com/contoso', auth: ProviderAuth.managedIdentity({ clientId: CLIENT_ID, tenantId: TENANT_ID }) });
  return stack;
}

function identityIn(stack: TerraformStack) {
  return UserAssignedIdentity.fromAttributes(stack, 'Runner', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
}

const base = { connectionName: 'terraform-apply', subscriptionId: SUBSCRIPTION_ID, subscriptionName: 'Platform production' };

describe('AzureDevOpsServiceConnection', () => {
  test('a workload identity federation connection, and a credential that reads issuer and subject from it', () => {
    const stack = adoStack();
    new AzureDevOpsServiceConnection(stack, 'Apply', { ...base, identity: identityIn(stack), projectName: 'Platform' });
    const json = synthJson(stack);
    const [[endpointId, endpoint]] = Object.entries<any>(resourcesOf(json, 'azuredevops_serviceendpoint_azurerm'));
    expect(endpoint).toMatchObject({
      service_endpoint_name: 'terraform-apply',
      service_endpoint_authentication_scheme: 'WorkloadIdentityFederation',
      credentials: [{ serviceprincipalid: CLIENT_ID }],
      features: [{ validate: false }],
      azurerm_spn_tenantid: TENANT_ID,
      azurerm_subscription_id: SUBSCRIPTION_ID,
      azurerm_subscription_name: 'Platform production',
      project_id: expect.stringMatching(/^\$\{data\.azuredevops_project\.\w+\.id\}$/),
    });
    expect(Object.values(dataSourcesOf(json, 'azuredevops_project'))).toEqual([expect.objectContaining({ name: 'Platform' })]);
    expect(Object.values(resourcesOf(json, 'azurerm_federated_identity_credential'))).toEqual([expect.objectContaining({
      name: 'ado-terraform-apply',
      issuer: `\${azuredevops_serviceendpoint_azurerm.${endpointId}.workload_identity_federation_issuer}`,
      subject: `\${azuredevops_serviceendpoint_azurerm.${endpointId}.workload_identity_federation_subject}`,
      audience: ['api://AzureADTokenExchange'],
    })]);
  });

  test('a project by ID reads no data source; an app registration gets its own credential kind', () => {
    const stack = adoStack();
    const app = new AppRegistration(stack, 'App', { displayName: 'terraform-apply' });
    new AzureDevOpsServiceConnection(stack, 'Apply', { ...base, identity: app, projectId: PROJECT_ID, tenantId: TENANT_ID });
    const json = synthJson(stack);
    expect(json.data?.azuredevops_project).toBeUndefined();
    expect(Object.values<any>(resourcesOf(json, 'azuredevops_serviceendpoint_azurerm'))[0].project_id).toBe(PROJECT_ID);
    expect(Object.values<any>(resourcesOf(json, 'azuread_application_federated_identity_credential'))[0].issuer).toMatch(/workload_identity_federation_issuer/);
  });

  test('its environment form signs azurerm in through the connection', () => {
    const stack = adoStack();
    const connection = new AzureDevOpsServiceConnection(stack, 'Apply', { ...base, identity: identityIn(stack), projectId: PROJECT_ID });
    const env = resolve(stack, connection.environment(TerraformProviderKind.AZURERM));
    expect(env).toMatchObject({ ARM_USE_OIDC: 'true', ARM_CLIENT_ID: CLIENT_ID, SYSTEM_ACCESSTOKEN: '$(System.AccessToken)', ARM_SUBSCRIPTION_ID: SUBSCRIPTION_ID });
    expect(env.ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID).toMatch(/azuredevops_serviceendpoint_azurerm\.\w+\.id/);
  });

  test.each([
    [{ projectName: 'Platform', projectId: PROJECT_ID }, /invalid projectName \| projectId "Platform, 0a1b.*exactly one project/],
    [{}, /invalid projectName \| projectId \(not given\)/],
    [{ projectId: 'Platform' }, /invalid projectId "Platform": project ID must be a GUID/],
    [{ projectName: 'Plat/form' }, /invalid projectName "Plat\/form": Azure DevOps project names cannot contain "\/"/],
    [{ projectName: '_Platform' }, /cannot start with "_"/],
    [{ projectName: 'Platform', connectionName: '  ' }, /invalid connectionName "  ": a service connection name must not be empty/],
    [{ projectName: 'Platform', subscriptionId: 'prod' }, /invalid subscriptionId "prod"/],
    [{ projectName: 'Platform', tenantId: '99999999-2222-3333-4444-555555555555' }, /lives in tenant "11111111-2222-3333-4444-555555555555"/],
  ])('refuses %j', (extra, message) => {
    const stack = adoStack();
    const error = thrownBy(() => new AzureDevOpsServiceConnection(stack, 'Apply', { ...base, identity: identityIn(stack), ...extra } as any));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^test\/Apply: /);
    expect(error.message).toMatch(message);
  });

  test('a stack without an azuredevops provider fails at synth (cdktf checks what the binding declares)', () => {
    const stack = newStack();
    new AzureDevOpsServiceConnection(stack, 'Apply', { ...base, identity: identityIn(stack), projectId: PROJECT_ID });
    expect(() => Testing.synth(stack, true)).toThrow(/without a matching provider construct[\s\S]*azuredevops/);
  });

  test('renders as HCL with its credentials and features blocks', () => {
    const stack = adoStack();
    new AzureDevOpsServiceConnection(stack, 'Apply', { ...base, identity: identityIn(stack), projectId: PROJECT_ID });
    const hcl = Testing.synthHcl(stack);
    expect(hcl).toMatch(/credentials \{\s*serviceprincipalid = "22222222-3333-4444-5555-666666666666"\s*\}/);
    expect(hcl).toMatch(/features \{\s*validate = false\s*\}/);
  });
});

describe('AzureDevOpsPlanApply', () => {
  test('two connections of one name are refused: a project holds one connection of a name', () => {
    const stack = adoStack();
    const identity = identityIn(stack);
    const error = thrownBy(() => new AzureDevOpsPlanApply(stack, 'Platform', {
      planIdentity: identity, applyIdentity: identity, projectId: PROJECT_ID, planConnectionName: 'terraform', applyConnectionName: 'Terraform',
      subscriptionId: SUBSCRIPTION_ID, subscriptionName: 'Platform production',
    }));
    expect(error.message).toMatch(/^test\/Platform: invalid applyConnectionName "Terraform": the plan connection has the same name/);
  });
});
