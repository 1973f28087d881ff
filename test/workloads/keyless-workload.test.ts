import { TerraformStack, Testing } from 'cdktf';
import {
  KeylessWorkload, PrincipalKind, ProviderAuth, ProviderAuthMethod, Runner, SystemAssignedIdentity, TerraformProviderKind, TerraformRunPhase, Trust, WorkloadIdentityKind,
} from '../../src';
import { PRINCIPAL_ID, SUBSCRIPTION_ID, TENANT_ID, addProviders, newStack, resourcesOf, synthJson } from '../util';

const ISSUER = 'https://westeurope.oic.prod-aks.azure.com/t/c/';
const k8s = Trust.kubernetes({ issuerUrl: ISSUER, namespace: 'terraform', serviceAccountName: 'intune' });

function twoStacks() {
  const app = Testing.app();
  const identity = new TerraformStack(app, 'identity');
  addProviders(identity);
  const workload = new TerraformStack(app, 'workload');
  return { app, identity, workload };
}

describe('KeylessWorkload', () => {
  test('an app registration with its trusts and Graph grants, in one call', () => {
    const stack = newStack();
    const workload = new KeylessWorkload(stack, 'Intune', {
      name: 'terraform-intune', tenantId: TENANT_ID, trusts: [k8s], graphPermissions: ['DeviceManagementConfiguration.Read.All', 'Group.Read.All'],
    });
    expect(workload.identity.principalKind).toBe(PrincipalKind.APPLICATION);
    const json = synthJson(stack);
    expect(Object.values(resourcesOf(json, 'azuread_application'))).toEqual([expect.objectContaining({ display_name: 'terraform-intune' })]);
    expect(Object.values(resourcesOf(json, 'azuread_application_federated_identity_credential'))).toEqual([
      expect.objectContaining({ subject: 'system:serviceaccount:terraform:intune', display_name: 'k8s-terraform-intune' }),
    ]);
    expect(Object.keys(resourcesOf(json, 'azuread_app_role_assignment'))).toHaveLength(2);
  });

  test('a user-assigned identity needs a resource group and a region', () => {
    const stack = newStack();
    const workload = new KeylessWorkload(stack, 'Intune', {
      name: 'id-intune', tenantId: TENANT_ID, identityKind: WorkloadIdentityKind.USER_ASSIGNED, resourceGroupName: 'rg', location: 'westeurope', trusts: [k8s],
    });
    expect(workload.identity.principalKind).toBe(PrincipalKind.USER_ASSIGNED_IDENTITY);
    expect(Object.keys(resourcesOf(synthJson(stack), 'azurerm_federated_identity_credential'))).toHaveLength(1);
    expect(() => new KeylessWorkload(newStack(), 'X', { name: 'id-x', tenantId: TENANT_ID, identityKind: WorkloadIdentityKind.USER_ASSIGNED }))
      .toThrow('test/X: invalid resourceGroupName (not given): a user-assigned identity needs a resource group and a region');
  });

  test('credential ids follow the trust, so reordering trusts changes no address', () => {
    const addresses = (trusts: Trust[]) => {
      const stack = newStack();
      new KeylessWorkload(stack, 'W', { name: 'w', tenantId: TENANT_ID, trusts });
      return Object.keys(resourcesOf(synthJson(stack), 'azuread_application_federated_identity_credential')).sort();
    };
    const gh = Trust.githubActions({ owner: 'contoso', repository: 'infra', environment: 'prod' });
    expect(addresses([k8s, gh])).toEqual(addresses([gh, k8s]));
  });

  test('picks AKS workload identity for a Kubernetes trust', () => {
    const { identity, workload } = twoStacks();
    const intune = new KeylessWorkload(identity, 'Intune', { name: 'terraform-intune', tenantId: TENANT_ID, trusts: [k8s] });
    intune.microsoft365Provider(workload, 'M365');
    intune.azurermProvider(workload, 'Azurerm', { subscriptionId: SUBSCRIPTION_ID });
    intune.azureadProvider(workload, 'Azuread');
    const json = JSON.parse(Testing.synth(workload));
    expect(json.provider.microsoft365[0]).toMatchObject({ auth_method: 'workload_identity', tenant_id: TENANT_ID, entra_id_options: { client_id: expect.any(String) } });
    expect(json.provider.azurerm[0]).toMatchObject({ use_aks_workload_identity: true, use_cli: false });
    expect(json.provider.azuread[0]).toMatchObject({ use_oidc: true, tenant_id: TENANT_ID });
    expect(intune.environment(TerraformProviderKind.AZUREAD)).toMatchObject({ ARM_OIDC_TOKEN_FILE_PATH: '$AZURE_FEDERATED_TOKEN_FILE' });
  });

  test('picks GitHub Actions OIDC for a GitHub trust, managed identity for a VM', () => {
    const { identity, workload } = twoStacks();
    const ci = new KeylessWorkload(identity, 'Ci', { name: 'ci', tenantId: TENANT_ID, trusts: [Trust.githubActions({ owner: 'o', repository: 'r', environment: 'prod' })] });
    expect(ci.environment(TerraformProviderKind.MICROSOFT365)).toMatchObject({ M365_AUTH_METHOD: 'oidc_github' });
    const vm = SystemAssignedIdentity.fromPrincipalId(identity, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    const onVm = new KeylessWorkload(identity, 'OnVm', { name: 'vm', tenantId: TENANT_ID, existingIdentity: vm, graphPermissions: ['User.Read.All'] });
    expect(onVm.clientId).toBeUndefined();
    onVm.azureDevOpsProvider(workload, 'Ado', { orgServiceUrl: 'https://dev.azure.com/contoso' });
    expect(JSON.parse(Testing.synth(workload)).provider.azuredevops[0]).toEqual({
      org_service_url: 'https://dev.azure.com/contoso', use_cli: false, use_oidc: false, use_msi: true, tenant_id: TENANT_ID,
    });
  });

  describe('where Terraform runs: no guessing', () => {
    const hcp = Runner.hcpTerraform({ organization: 'contoso', project: 'Platform', workspace: 'w' });
    const uami = (scope: TerraformStack, trusts: Trust[]) => new KeylessWorkload(scope, 'W', {
      name: 'id-w', tenantId: TENANT_ID, identityKind: WorkloadIdentityKind.USER_ASSIGNED, resourceGroupName: 'rg', location: 'westeurope', trusts,
    });

    test('an identity only a pipeline trusts never falls back to IMDS: the runner is asked for', () => {
      const { identity, workload } = twoStacks();
      const w = uami(identity, hcp.trustsFor(new KeylessWorkload(identity, 'Probe', { name: 'p', tenantId: TENANT_ID }).identity));
      expect(() => w.azurermProvider(workload, 'Rm')).toThrow(
        'identity/W: invalid runner (not given): the library cannot tell where Terraform runs: the workload trusts 2 token(s) (TerraformCloud)');
      expect(() => w.environment(TerraformProviderKind.AZURERM)).toThrow('Fix: pass runner');
      const rm = w.azurermProvider(workload, 'Rm2', { runner: hcp, subscriptionId: SUBSCRIPTION_ID });
      expect(rm.useMsi).toBeUndefined();
      expect(w.environment(TerraformProviderKind.AZUREAD, hcp)).toMatchObject({ TFC_AZURE_PROVIDER_AUTH: 'true' });
    });

    test('one Kubernetes and one GitHub trust together leave doubt', () => {
      const { identity } = twoStacks();
      const w = uami(identity, [k8s, Trust.githubActions({ owner: 'contoso', repository: 'infra', environment: 'prod' })]);
      expect(() => w.providerAuth).toThrow('the workload trusts 2 token(s) (Kubernetes, GitHubActions)');
    });

    test('a managed identity with no trust is worn by the machine', () => {
      const { identity } = twoStacks();
      expect(uami(identity, []).providerAuth.method).toBe(ProviderAuthMethod.MANAGED_IDENTITY);
    });

    test('a runner gives the trusts, and providers sign in from it; a runner with an auth is refused', () => {
      const { identity, workload } = twoStacks();
      const w = new KeylessWorkload(identity, 'W', { name: 'w', tenantId: TENANT_ID, runner: hcp });
      expect(Object.values(resourcesOf(synthJson(identity), 'azuread_application_federated_identity_credential')).map((c: any) => c.subject).sort()).toEqual([
        'organization:contoso:project:Platform:workspace:w:run_phase:apply', 'organization:contoso:project:Platform:workspace:w:run_phase:plan',
      ]);
      expect(() => w.microsoft365Provider(workload, 'M365')).toThrow('microsoft365 has no HCP Terraform path');
      expect(() => w.azureadProvider(workload, 'Ad', { auth: ProviderAuth.githubActionsOidc({ identity: w.identity }) }))
        .toThrow('invalid auth "GitHubActionsOidc": a runner (HCP Terraform contoso/Platform/w (plan and apply)) already says how providers sign in');
    });

    test('a runner whose token the given trusts do not match fails at synth', () => {
      const { identity, workload } = twoStacks();
      const w = new KeylessWorkload(identity, 'W', {
        name: 'w', tenantId: TENANT_ID, runner: hcp,
        trusts: [Trust.terraformCloud({ organization: 'contoso', project: 'Platform', workspace: 'w', runPhase: TerraformRunPhase.PLAN })],
      });
      w.azureadProvider(workload, 'Ad');
      expect(() => synthJson(workload)).toThrow('with the apply phase\'s token');
    });
  });

  test('an app with no trust asks for the runner', () => {
    const { identity, workload } = twoStacks();
    const app = new KeylessWorkload(identity, 'App', { name: 'app', tenantId: TENANT_ID });
    expect(() => app.microsoft365Provider(workload, 'M365')).toThrow('identity/App: invalid runner (not given): the library cannot tell where Terraform runs: an app registration with no trust is worn by no machine');
    expect(() => app.microsoft365Provider(workload, 'M365b', { auth: ProviderAuth.azureDevOpsOidc({ identity: app.identity, serviceConnectionId: 'c0ffee00-1111-4222-8333-444455556666' }) })).not.toThrow();
  });

  test('a system-assigned identity takes no trusts and no service account', () => {
    const stack = newStack();
    const vm = SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    expect(() => new KeylessWorkload(stack, 'W', { name: 'w', tenantId: TENANT_ID, existingIdentity: vm, trusts: [k8s] }))
      .toThrow('test/W: invalid trusts "1 trust(s) for test/Vm": the existing identity is system-assigned');
    const w = new KeylessWorkload(stack, 'W2', { name: 'w', tenantId: TENANT_ID, existingIdentity: vm });
    expect(() => w.kubernetesServiceAccount(stack, 'Sa', { namespace: 'a', name: 'b' })).toThrow('cannot back a Kubernetes service account');
  });

  test('rejects conflicting and invalid props', () => {
    const stack = newStack();
    const vm = SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    expect(() => new KeylessWorkload(stack, 'W', { name: 'w', tenantId: TENANT_ID, existingIdentity: vm, identityKind: WorkloadIdentityKind.USER_ASSIGNED }))
      .toThrow('invalid existingIdentity "test/Vm": it replaces the identity the workload would create');
    expect(() => new KeylessWorkload(stack, 'W3', { name: 'w', tenantId: 'contoso' })).toThrow('test/W3: invalid tenantId "contoso"');
    expect(() => new KeylessWorkload(stack, 'W4', { name: 'w', tenantId: TENANT_ID, graphPermissions: ['Application.ReadWrite.All'] }))
      .toThrow('test/W4/Identity/Graph: invalid permissions[0] "Application.ReadWrite.All": it is tier 0');
  });

  test('the service account carries the workload\'s client and tenant IDs', () => {
    const stack = newStack();
    const w = new KeylessWorkload(stack, 'W', { name: 'w', tenantId: TENANT_ID, trusts: [k8s] });
    const sa = w.kubernetesServiceAccount(stack, 'Sa', { namespace: 'terraform', name: 'intune' });
    expect(sa.annotations['azure.workload.identity/tenant-id']).toBe(TENANT_ID);
    expect(sa.annotations['azure.workload.identity/client-id']).toBe(w.clientId);
  });
});

describe('the managed-identity guess', () => {
  test('holds while the identity trusts no token, and fails at synth once a trust is added to it elsewhere', () => {
    const stack = newStack();
    const workload = new KeylessWorkload(stack, 'Vm', {
      name: 'id-vm-runner', tenantId: TENANT_ID, identityKind: WorkloadIdentityKind.USER_ASSIGNED, resourceGroupName: 'rg', location: 'westeurope',
    });
    workload.azurermProvider(stack, 'Rm', { subscriptionId: SUBSCRIPTION_ID, alias: 'vm' });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    (workload.identity as any).addFederatedCredential('Hcp', Trust.terraformCloud({
      organization: 'contoso', project: 'Default Project', workspace: 'platform', runPhase: TerraformRunPhase.APPLY,
    }));
    expect(() => Testing.synth(stack, true)).toThrow(/invalid runner \(not given\): providers sign in through the machine's managed identity because the workload declares no trust/);
  });
});
