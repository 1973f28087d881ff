import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { parse } from 'yaml';
import { TrustReport } from '../src';
import { examples } from '../examples';

/** Synthesizes one example as `cdktf synth` would, and reads back each stack's JSON. */
function synthExample(name: string): { outdir: string; stacks: { [stack: string]: any } } {
  const example = examples.find((e) => e.name === name);
  if (!example) throw new Error(`no example ${name}`);
  const app = Testing.app();
  example.build(app);
  TrustReport.of(app);
  app.synth();
  const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8'));
  const stacks: { [stack: string]: any } = {};
  for (const stack of Object.values(manifest.stacks) as any[]) {
    stacks[stack.name] = JSON.parse(fs.readFileSync(path.join(app.outdir, stack.synthesizedStackPath), 'utf8'));
  }
  return { outdir: app.outdir, stacks };
}

const values = (block: object | undefined): any[] => Object.values(block ?? {});

// Every example must synthesize offline, validations on, like `npm run synth`.
describe.each(examples.map((e) => e.name))('example %s', (name) => {
  test('synthesizes every stack', () => {
    const { stacks } = synthExample(name);
    expect(Object.keys(stacks).length).toBeGreaterThan(0);
    for (const json of Object.values(stacks)) {
      expect(['resource', 'data', 'provider'].some((kind) => Object.keys(json[kind] ?? {}).length > 0)).toBe(true);
    }
  });
});

test('identities: a user-assigned identity and an app registration', () => {
  const { stacks } = synthExample('identities');
  expect(Object.keys(stacks.identities.resource).sort()).toEqual(['azuread_application', 'azuread_service_principal', 'azurerm_user_assigned_identity']);
});

test('federation: AKS, a GitHub environment and HCP Terraform plan and apply', () => {
  const json = synthExample('federation').stacks.federation;
  expect(values(json.resource.azurerm_federated_identity_credential)[0]).toMatchObject({
    issuer: expect.stringMatching(/^\$\{data\.azurerm_kubernetes_cluster\.\w+\.oidc_issuer_url\}$/),
    subject: 'system:serviceaccount:terraform-m365:terraform-m365-sa',
    audience: ['api://AzureADTokenExchange'],
  });
  expect(values(json.resource.azuread_application_federated_identity_credential).map((r) => r.subject).sort()).toEqual([
    'organization:contoso:project:Microsoft 365:workspace:m365-prod:run_phase:apply',
    'organization:contoso:project:Microsoft 365:workspace:m365-prod:run_phase:plan',
    'repo:contoso/m365-config:environment:production',
  ]);
  expect(values(json.resource.azuread_application_flexible_federated_identity_credential)).toHaveLength(1);
});

test('permissions: Graph roles for a Logic App identity and a VM, and a Key Vault role', () => {
  const json = synthExample('permissions').stacks.permissions;
  const grants = values(json.resource.azuread_app_role_assignment);
  expect(grants.map((g) => g.app_role_id).sort()).toEqual([
    '2f51be20-0bb4-4fed-bf7b-db946066c75e', // DeviceManagementManagedDevices.Read.All
    'b633e1c5-b582-4048-a93e-9f11b44c7e96', // Mail.Send
    'df021288-bdef-4463-88db-98f22de89214', // User.Read.All
  ]);
  expect(grants.find((g) => g.app_role_id.startsWith('2f51')).principal_object_id)
    .toMatch(/^\$\{data\.azurerm_virtual_machine\.\w+\.identity\[0\]\.principal_id\}$/);
  expect(Object.keys(json.data.azuread_service_principal)).toEqual(['MicrosoftGraphServicePrincipal']);
  expect(values(json.resource.azurerm_role_assignment)).toEqual([expect.objectContaining({
    role_definition_name: 'Key Vault Secrets User', principal_type: 'ServicePrincipal', skip_service_principal_aad_check: true,
  })]);
});

test('providers: all four providers sign in as one user-assigned identity', () => {
  const json = synthExample('providers').stacks.providers;
  const clientId = '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f';
  expect(json.provider.microsoft365[0]).toEqual({
    tenant_id: '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b', auth_method: 'managed_identity', entra_id_options: { managed_identity_id: clientId },
  });
  expect(json.provider.azuredevops[0]).toMatchObject({ use_msi: true, client_id: clientId, use_cli: false });
  expect(json.provider.azurerm[0]).toMatchObject({ features: [{}], use_msi: true, client_id: clientId, use_cli: false });
  expect(json.provider.azuread[0]).toMatchObject({ tenant_id: '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b', use_msi: true, client_id: clientId });
  expect(Object.keys(json.terraform.required_providers).sort()).toEqual(['azuread', 'azuredevops', 'azurerm', 'microsoft365']);
});

test('scenario 1: microsoft365 on a VM, as the user-assigned identity attached to it, or as an app with the VM\'s token', () => {
  const { stacks } = synthExample('m365-vm-system-assigned');
  const grants = stacks['m365-vm-identity'].resource.azuread_app_role_assignment;
  const rolesOf = (prefix: string) => Object.entries(grants).filter(([id]) => id.startsWith(prefix)).map(([, g]: [string, any]) => g.app_role_id).sort();
  expect(rolesOf('TerraformRunner')).toEqual([
    '5b567255-7703-4780-807c-7be8301ae99b', // Group.Read.All
    '7a6ee1e7-141e-4cec-ae74-d9db155731ff', // DeviceManagementApps.Read.All
    '9241abd9-d0e6-425a-bd4f-47ba86e767a4', // DeviceManagementConfiguration.ReadWrite.All
  ]);
  expect(rolesOf('IntuneApp')).toEqual(['5b567255-7703-4780-807c-7be8301ae99b', '7a6ee1e7-141e-4cec-ae74-d9db155731ff']);
  // The app trusts the VM's system-assigned identity: issuer the tenant's, subject its principal ID.
  expect(values(stacks['m365-vm-identity'].resource.azuread_application_federated_identity_credential)).toEqual([expect.objectContaining({
    issuer: 'https://login.microsoftonline.com/8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b/v2.0', audiences: ['api://AzureADTokenExchange'],
    subject: '${data.azurerm_virtual_machine.TerraformVm.identity[0].principal_id}',
  })]);
  const [m365, asApp] = stacks['m365-vm-workload'].provider.microsoft365;
  expect(asApp).toMatchObject({ alias: 'as_app', auth_method: 'oidc', entra_id_options: { oidc_token_file_path: '.azure-identity-token' } });
  // IMDS answers for the system-assigned identity when asked without a client ID.
  expect(stacks['m365-vm-workload'].output.FetchTokenOnTheVm.value).toBe(
    "curl -sSf -H Metadata:true 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=api://AzureADTokenExchange' | jq -r .access_token > .azure-identity-token");
  expect(m365).toMatchObject({ tenant_id: '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b', auth_method: 'managed_identity' });
  expect(m365.entra_id_options.managed_identity_id).toMatch(/^\$\{data\.terraform_remote_state\.[^}]*client_id\}$/);
  // The system-assigned identity stays where it signs in: azurerm's use_msi.
  expect(stacks['m365-vm-workload'].provider.azurerm[0]).toMatchObject({ use_msi: true, use_cli: false });
  expect(values(stacks['m365-vm-identity'].resource.azurerm_role_assignment)).toEqual([expect.objectContaining({ role_definition_name: 'Reader' })]);
});

test('scenario 2: microsoft365 with a user-assigned identity, by client ID, or as an app with its token', () => {
  const { stacks } = synthExample('m365-user-assigned');
  const providers = stacks['m365-uami-workload'].provider.microsoft365;
  expect(providers).toHaveLength(2);
  expect(providers[0].entra_id_options.managed_identity_id).toMatch(/^\$\{data\.terraform_remote_state\.[^}]*client_id\}$/);
  expect(providers[1]).toMatchObject({ alias: 'as_app', auth_method: 'oidc', entra_id_options: { oidc_token_file_path: '.azure-identity-token' } });
  // A user-assigned identity is chosen by its client ID when the token is fetched.
  expect(stacks['m365-uami-identity'].output.FetchTokenOnTheMachine.value).toContain('&client_id=${azurerm_user_assigned_identity.Runner_A54BCE97.client_id}');
});

test('scenario 3: microsoft365 from a Kubernetes pod with workload identity', () => {
  const { outdir, stacks } = synthExample('m365-kubernetes');
  const identity = stacks['m365-k8s-identity'];
  expect(values(identity.resource.azuread_application_federated_identity_credential)).toEqual([expect.objectContaining({
    subject: 'system:serviceaccount:terraform-m365:terraform-m365-sa', audiences: ['api://AzureADTokenExchange'],
  })]);
  // Exactly what the workload stack's microsoft365 types need (v0.57.1-alpha ReadPermissions/WritePermissions).
  expect(values(identity.resource.azuread_app_role_assignment).map((a) => a.app_role_id).sort()).toEqual([
    '7a6ee1e7-141e-4cec-ae74-d9db155731ff', // DeviceManagementApps.Read.All
    '9241abd9-d0e6-425a-bd4f-47ba86e767a4', // DeviceManagementConfiguration.ReadWrite.All
  ]);
  expect(identity.output.Microsoft365Environment.value).toMatchObject({ M365_AUTH_METHOD: 'workload_identity', M365_TENANT_ID: '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b' });
  expect(stacks['m365-k8s-workload'].provider.microsoft365[0]).toMatchObject({
    auth_method: 'workload_identity', entra_id_options: { client_id: expect.stringContaining('terraform_remote_state') },
  });
  const manifest = parse(fs.readFileSync(path.join(outdir, 'stacks', 'm365-k8s-identity', 'kubernetes', 'terraform-m365-terraform-m365-sa.serviceaccount.yaml'), 'utf8'));
  expect(manifest.metadata).toMatchObject({ name: 'terraform-m365-sa', namespace: 'terraform-m365' });
  expect(Object.keys(manifest.metadata.annotations)).toEqual(['azure.workload.identity/client-id', 'azure.workload.identity/tenant-id']);
});

test('scenario 3: the trust report names the subject, the identity and every permission, byte-identically', () => {
  const read = () => fs.readFileSync(path.join(synthExample('m365-kubernetes').outdir, 'stacks', 'm365-k8s-identity', TrustReport.FILE_NAME), 'utf8');
  const report = read();
  expect(report).toContain('system:serviceaccount:terraform-m365:terraform-m365-sa');
  expect(report).toContain('terraform-m365-intune<br/>app registration');
  expect(report).toContain('| terraform-m365-intune | Microsoft Graph | DeviceManagementApps.Read.All | Tier 2 | '
    + 'data.microsoft365_graph_beta_device_and_app_management_mobile_app.CompanyPortal |');
  expect(report).toContain('| terraform-m365-intune | Microsoft Graph | DeviceManagementConfiguration.ReadWrite.All | Tier 0 | '
    + 'microsoft365_graph_beta_device_management_settings_catalog_configuration_policy.WindowsBaseline |');
  expect(read()).toBe(report);
});

test('scenario 4: azuredevops with use_msi, system- and user-assigned, both entitled in the organization', () => {
  const { stacks } = synthExample('azuredevops-managed-identity');
  expect(values(stacks['ado-mi-platform'].resource.azuredevops_service_principal_entitlement)).toHaveLength(2);
  const [asVm, asRunner] = stacks['ado-mi-workload'].provider.azuredevops;
  expect(asVm).toEqual({ org_service_url: 'https://dev.azure.com/contoso', use_cli: false, use_oidc: false, use_msi: true });
  expect(asRunner).toMatchObject({ alias: 'runner', use_msi: true, client_id: expect.stringContaining('terraform_remote_state') });
});

test('scenario 5: one user-assigned identity shared by ten VMs and a Logic App', () => {
  const json = synthExample('shared-identity').stacks['shared-identity'];
  const vms = values(json.resource.azurerm_linux_virtual_machine);
  expect(vms).toHaveLength(10);
  const [identityId] = Object.keys(json.resource.azurerm_user_assigned_identity);
  for (const vm of [...vms, ...values(json.resource.azurerm_logic_app_workflow)]) {
    expect(vm.identity).toEqual({ type: 'UserAssigned', identity_ids: [`\${azurerm_user_assigned_identity.${identityId}.id}`] });
  }
  expect(values(json.resource.azuread_app_role_assignment)).toHaveLength(3);
});

test('scenario 6: GitHub Actions and HCP Terraform without secrets', () => {
  const { stacks } = synthExample('pipelines');
  const identity = stacks['pipelines-identity'];
  expect(values(identity.resource.azuread_application_federated_identity_credential).map((c) => c.subject).sort()).toEqual([
    'organization:contoso:project:Platform:workspace:platform-prod:run_phase:apply',
    'organization:contoso:project:Platform:workspace:platform-prod:run_phase:plan',
    'repo:contoso/platform:environment:production',
  ]);
  expect(identity.output.HcpWorkspaceVariables.value).toMatchObject({ TFC_AZURE_PROVIDER_AUTH: 'true' });
  expect(stacks['pipelines-workload'].provider.azurerm[0]).toMatchObject({ use_oidc: true, use_cli: false, tenant_id: '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b' });
});

test('scenario 7: GitHub plans as a read-only identity from pull requests and applies as another from an environment', () => {
  const json = synthExample('github-pipeline').stacks['gh-pipeline-platform'];
  const environment = Object.fromEntries(values(json.resource.github_actions_environment_variable).map((v) => [v.variable_name, v.value]));
  const repository = Object.fromEntries(values(json.resource.github_actions_variable).map((v) => [v.variable_name, v.value]));
  expect(environment).toEqual({
    AZURE_CLIENT_ID: expect.stringMatching(/^\$\{azuread_application\.Platform_Apply_\w+\.client_id\}$/),
    AZURE_TENANT_ID: '8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b',
    AZURE_SUBSCRIPTION_ID: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
  });
  expect(repository.AZURE_CLIENT_ID).toMatch(/^\$\{azuread_application\.Platform_Plan_\w+\.client_id\}$/);
  expect(values(json.resource.azuread_application_federated_identity_credential).map((c) => c.subject).sort()).toEqual([
    'repo:contoso@1234567/platform@890123456:environment:production',
    'repo:contoso@1234567/platform@890123456:pull_request',
  ]);
  expect(values(json.resource.azurerm_role_assignment).map((r) => r.role_definition_name).sort()).toEqual([
    'Contributor', 'Reader', 'Storage Blob Data Contributor', 'Storage Blob Data Contributor',
  ]);
});

test('scenario 8: Azure DevOps service connections with workload identity federation, credentials reading issuer and subject from them', () => {
  const json = synthExample('azuredevops-pipeline').stacks['ado-pipeline-platform'];
  const endpoints = json.resource.azuredevops_serviceendpoint_azurerm;
  expect(Object.keys(endpoints)).toHaveLength(2);
  for (const [id, endpoint] of Object.entries<any>(endpoints)) {
    expect(endpoint).toMatchObject({ service_endpoint_authentication_scheme: 'WorkloadIdentityFederation', features: [{ validate: false }] });
    const credential = values(json.resource.azurerm_federated_identity_credential).find((c) => c.issuer.includes(id));
    expect(credential).toMatchObject({
      issuer: `\${azuredevops_serviceendpoint_azurerm.${id}.workload_identity_federation_issuer}`,
      subject: `\${azuredevops_serviceendpoint_azurerm.${id}.workload_identity_federation_subject}`,
    });
    expect(credential.parent_id).toBe(endpoint.credentials[0].serviceprincipalid.replace('.client_id}', '.id}'));
  }
});

test('scenario 9: HCP Terraform workspace variables with distinct plan and apply identities', () => {
  const { stacks } = synthExample('hcp-terraform-pipeline');
  const json = stacks['hcp-pipeline-platform'];
  const variables = Object.fromEntries(values(json.resource.tfe_variable).map((v) => [v.key, v.value]));
  expect(variables.TFC_AZURE_PROVIDER_AUTH).toBe('true');
  expect(variables.TFC_AZURE_PLAN_CLIENT_ID).toMatch(/Platform_Plan_\w+\.client_id/);
  expect(variables.TFC_AZURE_APPLY_CLIENT_ID).toMatch(/Platform_Apply_\w+\.client_id/);
  expect(variables.TFC_AZURE_RUN_CLIENT_ID).toBeUndefined();
  expect(values(json.resource.tfe_variable).every((v) => v.category === 'env' && v.sensitive === false)).toBe(true);
});
