import { TerraformStack, Testing } from 'cdktf';
import { examples } from '../examples';

// Every example must synthesize offline, with cdktf's validations on, in the test suite.
describe.each(examples.map((e) => [e.name, e] as const))('example %s', (_name, example) => {
  test('synthesizes with validations', () => {
    const app = Testing.app();
    const stacks = ([] as TerraformStack[]).concat(example.build(app));
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) {
      const json = JSON.parse(Testing.synth(stack, true));
      const blocks = ['resource', 'data', 'provider'].map((kind) => Object.keys(json[kind] ?? {}).length);
      expect(blocks.reduce((a, b) => a + b)).toBeGreaterThan(0);
    }
  });
});

test('the identities example holds a user-assigned identity and an app registration', () => {
  const stack = examples.find((e) => e.name === 'identities')!.build(Testing.app()) as TerraformStack;
  const json = JSON.parse(Testing.synth(stack, true));
  expect(Object.keys(json.resource).sort()).toEqual(['azuread_application', 'azuread_service_principal', 'azurerm_user_assigned_identity']);
});

test('the federation example trusts AKS, a GitHub environment and HCP Terraform plan and apply', () => {
  const stack = examples.find((e) => e.name === 'federation')!.build(Testing.app()) as TerraformStack;
  const json = JSON.parse(Testing.synth(stack, true));
  const [uamiFic] = Object.values(json.resource.azurerm_federated_identity_credential) as any[];
  expect(uamiFic).toMatchObject({
    issuer: expect.stringMatching(/^\$\{data\.azurerm_kubernetes_cluster\.\w+\.oidc_issuer_url\}$/),
    subject: 'system:serviceaccount:terraform-m365:terraform-m365-sa',
    audience: ['api://AzureADTokenExchange'],
  });
  const appSubjects = (Object.values(json.resource.azuread_application_federated_identity_credential) as any[]).map((r) => r.subject).sort();
  expect(appSubjects).toEqual([
    'organization:contoso:project:Microsoft 365:workspace:m365-prod:run_phase:apply',
    'organization:contoso:project:Microsoft 365:workspace:m365-prod:run_phase:plan',
    'repo:contoso/m365-config:environment:production',
  ]);
  expect(Object.keys(json.resource.azuread_application_flexible_federated_identity_credential)).toHaveLength(1);
});

test('the permissions example grants Graph roles to a Logic App identity and a VM, and a Key Vault role', () => {
  const stack = examples.find((e) => e.name === 'permissions')!.build(Testing.app()) as TerraformStack;
  const json = JSON.parse(Testing.synth(stack, true));
  const grants = Object.values(json.resource.azuread_app_role_assignment) as any[];
  expect(grants.map((g) => g.app_role_id).sort()).toEqual([
    '2f51be20-0bb4-4fed-bf7b-db946066c75e', // DeviceManagementManagedDevices.Read.All
    'b633e1c5-b582-4048-a93e-9f11b44c7e96', // Mail.Send
    'df021288-bdef-4463-88db-98f22de89214', // User.Read.All
  ]);
  expect(grants.find((g) => g.app_role_id.startsWith('2f51'))!.principal_object_id)
    .toMatch(/^\$\{data\.azurerm_virtual_machine\.\w+\.identity\[0\]\.principal_id\}$/);
  expect(Object.keys(json.data.azuread_service_principal)).toEqual(['MicrosoftGraphServicePrincipal']);
  expect(Object.values(json.resource.azurerm_role_assignment)).toEqual([expect.objectContaining({
    role_definition_name: 'Key Vault Secrets User',
    scope: expect.stringMatching(/^\$\{data\.azurerm_key_vault\.\w+\.id\}$/),
    principal_type: 'ServicePrincipal',
    skip_service_principal_aad_check: true,
  })]);
});

test('the providers example signs in to all four providers as one user-assigned identity', () => {
  const stack = examples.find((e) => e.name === 'providers')!.build(Testing.app()) as TerraformStack;
  const json = JSON.parse(Testing.synth(stack, true));
  const clientId = '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f';
  expect(json.provider.microsoft365[0]).toEqual({
    tenant_id: '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b', auth_method: 'managed_identity', entra_id_options: { managed_identity_id: clientId },
  });
  expect(json.provider.azuredevops[0]).toMatchObject({ use_msi: true, client_id: clientId, use_cli: false });
  expect(json.provider.azurerm[0]).toMatchObject({ features: [{}], use_msi: true, client_id: clientId, use_cli: false });
  expect(json.provider.azuread[0]).toMatchObject({ tenant_id: '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b', use_msi: true, client_id: clientId });
  expect(Object.keys(json.terraform.required_providers).sort()).toEqual(['azuread', 'azuredevops', 'azurerm', 'microsoft365']);
});
