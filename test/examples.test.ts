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
      expect(Object.keys(json.resource ?? {}).length + Object.keys(json.data ?? {}).length).toBeGreaterThan(0);
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
