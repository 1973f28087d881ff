import { TerraformStack, Testing } from 'cdktf';
import { DataAzurermKubernetesCluster } from '@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster';
import {
  AppRegistration, AzureDevOpsProvider, AzureDevOpsServiceConnection, AzureProviders, FlexibleTrust, IServiceConnection, Microsoft365Provider,
  ProviderAuth, Runner, SystemAssignedIdentity,
  TerraformProviderKind, TerraformRunPhase, Trust, TrustMatch, UserAssignedIdentity,
} from '../../src';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, SUBSCRIPTION_ID, TENANT_ID, addProviders, synthJson, thrownBy } from '../util';

const { MICROSOFT365, AZUREDEVOPS, AZURERM, AZUREAD } = TerraformProviderKind;
const github = () => Runner.githubActions({ owner: 'contoso', repository: 'infra', environment: 'production' });

/** An identity stack (where trusts live) and a workload stack (where providers sign in), as the README sets them up. */
function twoStacks() {
  const app = Testing.app();
  const identity = new TerraformStack(app, 'identity');
  addProviders(identity);
  const workload = new TerraformStack(app, 'workload');
  return { app, identity, workload };
}

/** Runs the app's validations (where agreement is judged) and returns the error, if any. */
function validationError(stack: TerraformStack): string | undefined {
  return thrownBy(() => Testing.synth(stack, true))?.message;
}

describe('Runner: the trust an identity needs', () => {
  test('GitHub Actions: the subject GitHub writes', () => {
    expect(github().trustsFor(new AppRegistration(twoStacks().identity, 'App', { displayName: 'a' })).map((t) => t.subject))
      .toEqual(['repo:contoso/infra:environment:production']);
  });

  test('HCP Terraform: one trust per run phase, or the one phase asked for', () => {
    const app = new AppRegistration(twoStacks().identity, 'App', { displayName: 'a' });
    expect(Runner.hcpTerraform({ organization: 'contoso', project: 'Platform', workspace: 'w' }).trustsFor(app).map((t) => t.subject)).toEqual([
      'organization:contoso:project:Platform:workspace:w:run_phase:plan', 'organization:contoso:project:Platform:workspace:w:run_phase:apply',
    ]);
    expect(Runner.hcpTerraform({ organization: 'contoso', project: 'Platform', workspace: 'w', runPhase: TerraformRunPhase.APPLY }).trustsFor(app)).toHaveLength(1);
  });

  test('Azure compute: an app trusts the machine\'s identity; an identity the machine wears needs no trust', () => {
    const { identity } = twoStacks();
    const vm = SystemAssignedIdentity.fromPrincipalId(identity, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    const app = new AppRegistration(identity, 'App', { displayName: 'a' });
    const [trust] = Runner.azureCompute({ identity: vm }).trustsFor(app);
    expect(trust).toMatchObject({ issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, subject: PRINCIPAL_ID, audience: 'api://AzureADTokenExchange' });
    expect(Runner.azureCompute({ identity: vm }).trustsFor(vm)).toEqual([]);
  });

  test('Azure Pipelines: only the connection object knows the token', () => {
    const app = new AppRegistration(twoStacks().identity, 'App', { displayName: 'a' });
    const connection: IServiceConnection = { serviceConnectionId: 'c0ffee00-1111-4222-8333-444455556666', issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, subject: '/eid1/c/pub/t/x/a/y/sc/z' };
    expect(Runner.azurePipelines({ serviceConnection: connection }).trustsFor(app).map((t) => t.subject)).toEqual(['/eid1/c/pub/t/x/a/y/sc/z']);
    expect(Runner.azurePipelines({ serviceConnectionId: connection.serviceConnectionId }).trustsFor(app)).toEqual([]);
  });

  test('matches compares literal claims, patterns aside', () => {
    expect(github().matches(Trust.githubActions({ owner: 'contoso', repository: 'infra', environment: 'production' }))).toBe(TrustMatch.MATCHES);
    expect(github().matches(Trust.githubActions({ owner: 'contoso', repository: 'infra', branch: 'main' }))).toBe(TrustMatch.DOES_NOT_MATCH);
    expect(Runner.azurePipelines({ serviceConnectionId: 'c0ffee00-1111-4222-8333-444455556666' })
      .matches(Trust.azureDevOps({ issuerUrl: 'https://login.microsoftonline.com/x/v2.0', subject: 's' }))).toBe(TrustMatch.NOT_VERIFIABLE);
  });
});

describe('Runner: how each provider signs in from there', () => {
  test('GitHub Actions: OIDC request for every provider', () => {
    const { identity, workload } = twoStacks();
    const app = new AppRegistration(identity, 'App', { displayName: 'a' });
    app.addFederatedCredential('Prod', github().trustsFor(app)[0]);
    const auth = github().providerAuth(app);
    new Microsoft365Provider(workload, 'M365', { auth });
    AzureProviders.azurerm(workload, 'Rm', { auth, subscriptionId: SUBSCRIPTION_ID });
    const json = synthJson(workload);
    expect(json.provider.microsoft365[0]).toMatchObject({ auth_method: 'oidc_github' });
    expect(json.provider.azurerm[0]).toMatchObject({ use_oidc: true, use_cli: false });
  });

  test('HCP Terraform: azurerm and azuread set neither client ID nor use_oidc; the workspace gets the TFC variables', () => {
    const { identity, workload } = twoStacks();
    const app = AppRegistration.fromAttributes(identity, 'App', { objectId: PRINCIPAL_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    const auth = Runner.hcpTerraform({ organization: 'contoso', project: 'Platform', workspace: 'w' }).providerAuth(app);
    AzureProviders.azurerm(workload, 'Rm', { auth, subscriptionId: SUBSCRIPTION_ID });
    AzureProviders.azuread(workload, 'Ad', { auth, tenantId: TENANT_ID });
    const json = synthJson(workload);
    for (const block of [json.provider.azurerm[0], json.provider.azuread[0]]) {
      expect(block).toMatchObject({ tenant_id: TENANT_ID, use_cli: false });
      for (const key of ['client_id', 'use_oidc', 'oidc_token', 'use_msi']) expect(block).not.toHaveProperty(key);
    }
    expect(auth.environment(AZURERM)).toMatchObject({ TFC_AZURE_PROVIDER_AUTH: 'true', TFC_AZURE_RUN_CLIENT_ID: CLIENT_ID, ARM_TENANT_ID: TENANT_ID });
    expect(auth.environment(AZURERM)).not.toHaveProperty('ARM_CLIENT_ID');
  });

  test('HCP Terraform: microsoft365 and azuredevops have no path and are refused', () => {
    const { identity, workload } = twoStacks();
    const app = AppRegistration.fromAttributes(identity, 'App', { objectId: PRINCIPAL_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    const auth = Runner.hcpTerraform({ organization: 'contoso', project: 'Platform', workspace: 'w' }).providerAuth(app);
    expect(() => new Microsoft365Provider(workload, 'M365', { auth })).toThrow('microsoft365 has no HCP Terraform path');
    expect(() => new AzureDevOpsProvider(workload, 'Ado', { orgServiceUrl: 'https://dev.azure.com/contoso', auth })).toThrow('azuredevops has no HCP Terraform path');
    expect(() => auth.environment(MICROSOFT365)).toThrow('Fix: run microsoft365 where it gets a token of its own');
  });

  test('GitLab: the job\'s token variable reaches azurerm through ARM_OIDC_TOKEN; microsoft365 needs a file', () => {
    const { identity, workload } = twoStacks();
    const app = AppRegistration.fromAttributes(identity, 'App', { objectId: PRINCIPAL_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    const runner = Runner.gitlab({ projectPath: 'contoso/infra', refType: 'branch' as any, ref: 'main' });
    expect(runner.providerAuth(app).environment(AZURERM)).toMatchObject({ ARM_USE_OIDC: 'true', ARM_OIDC_TOKEN: '$GITLAB_OIDC_TOKEN', ARM_OIDC_TOKEN_FILE_PATH: '' });
    expect(() => new Microsoft365Provider(workload, 'M365', { auth: runner.providerAuth(app) }))
      .toThrow(`Fix: write the token to a file before Terraform runs (printf '%s' "$GITLAB_OIDC_TOKEN" > .federated-token) and pass tokenFilePath instead`);
    const withFile = Runner.gitlab({ projectPath: 'contoso/infra', refType: 'branch' as any, ref: 'main', tokenFilePath: 'gitlab.jwt' });
    const other = new TerraformStack(workload.node.scope!, 'other');
    new Microsoft365Provider(other, 'M365File', { auth: withFile.providerAuth(app) });
    expect(synthJson(other).provider.microsoft365[0]).toMatchObject({ auth_method: 'oidc', entra_id_options: { client_id: CLIENT_ID, oidc_token_file_path: 'gitlab.jwt' } });
    expect(withFile.setupLines(app)).toEqual([`printf '%s' "$GITLAB_OIDC_TOKEN" > gitlab.jwt`]);
  });

  test('Kubernetes: AKS workload identity by default, a token file elsewhere', () => {
    const { identity } = twoStacks();
    const app = AppRegistration.fromAttributes(identity, 'App', { objectId: PRINCIPAL_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    const pod = { issuerUrl: 'https://oidc.example.com', namespace: 'tf', serviceAccountName: 'runner' };
    expect(Runner.kubernetes(pod).providerAuth(app).environment(AZURERM)).toMatchObject({ ARM_USE_AKS_WORKLOAD_IDENTITY: 'true' });
    expect(Runner.kubernetes({ ...pod, tokenFilePath: '/var/run/secrets/tokens/azure' }).providerAuth(app).environment(MICROSOFT365))
      .toMatchObject({ M365_AUTH_METHOD: 'workload_identity', AZURE_FEDERATED_TOKEN_FILE: '/var/run/secrets/tokens/azure' });
  });

  test('a custom issuer: the token from a file or a variable', () => {
    const { identity } = twoStacks();
    const app = AppRegistration.fromAttributes(identity, 'App', { objectId: PRINCIPAL_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    const runner = Runner.customOidc({ issuer: 'https://ci.example.com', subject: 'job:deploy', tokenFilePath: '/run/ci/token' });
    expect(runner.providerAuth(app).environment(AZUREAD)).toMatchObject({ ARM_USE_OIDC: 'true', ARM_OIDC_TOKEN_FILE_PATH: '/run/ci/token', ARM_OIDC_TOKEN: '' });
    expect(runner.providerAuth(app).environment(MICROSOFT365)).toEqual({
      M365_TENANT_ID: TENANT_ID, M365_AUTH_METHOD: 'oidc', M365_CLIENT_ID: CLIENT_ID, M365_OIDC_TOKEN_FILE_PATH: '/run/ci/token',
    });
    expect(() => Runner.customOidc({ issuer: 'https://ci.example.com', subject: 's' }).providerAuth(app).environment(AZUREAD))
      .toThrow('give exactly one of tokenFilePath and tokenEnvironmentVariable');
  });
});

describe('agreement: the runner\'s token must match a trust of the identity signed in as', () => {
  test('a trust for another environment fails at synth, naming the identity, the sign-in and the trust to add', () => {
    const { identity, workload } = twoStacks();
    const app = new AppRegistration(identity, 'App', { displayName: 'a' });
    app.addFederatedCredential('Main', Trust.githubActions({ owner: 'contoso', repository: 'infra', branch: 'main' }));
    new Microsoft365Provider(workload, 'M365', { auth: github().providerAuth(app) });
    const message = validationError(workload);
    expect(message).toContain('[workload/M365] invalid runner "GitHub Actions contoso/infra environment production": microsoft365 signs in as identity/App');
    expect(message).toContain('subject "repo:contoso/infra:environment:production"');
    expect(message).toContain('none of its 1 trust(s) matches it');
    expect(message).toContain('Fix: add the trust to identity/App: addFederatedCredential(id, Trust.githubActions(...) with subject "repo:contoso/infra:environment:production")');
  });

  test('an identity with no trust at all fails; the matching trust added later passes', () => {
    const { identity, workload } = twoStacks();
    const uami = new UserAssignedIdentity(identity, 'Runner', { name: 'id-runner', resourceGroupName: 'rg', location: 'westeurope' });
    AzureProviders.azurerm(workload, 'Rm', { auth: github().providerAuth(uami), subscriptionId: SUBSCRIPTION_ID });
    expect(validationError(workload)).toContain('and it has no trust, so sign-in fails (AADSTS70021)');
    uami.addFederatedCredential('Prod', github().trustsFor(uami)[0]);
    expect(validationError(workload)).toBeUndefined();
  });

  test('a flexible credential whose pattern covers the branch is a match', () => {
    const { identity, workload } = twoStacks();
    const app = new AppRegistration(identity, 'App', { displayName: 'a' });
    app.addFlexibleFederatedCredential('Releases', FlexibleTrust.githubActions({ owner: 'contoso', repository: 'infra', branchPattern: 'release/*' }));
    new Microsoft365Provider(workload, 'M365', { auth: Runner.githubActions({ owner: 'contoso', repository: 'infra', branch: 'release/2026' }).providerAuth(app) });
    new Microsoft365Provider(workload, 'Main', { alias: 'main', auth: Runner.githubActions({ owner: 'contoso', repository: 'infra', branch: 'main' }).providerAuth(app) });
    const message = validationError(workload);
    expect(message).toContain('[workload/Main] invalid runner');
    expect(message).not.toContain('[workload/M365]');
  });

  test('every run phase needs its trust', () => {
    const { identity, workload } = twoStacks();
    const app = new AppRegistration(identity, 'App', { displayName: 'a' });
    app.addFederatedCredential('Plan', Trust.terraformCloud({ organization: 'contoso', project: 'Platform', workspace: 'w', runPhase: TerraformRunPhase.PLAN }));
    AzureProviders.azuread(workload, 'Ad', { tenantId: TENANT_ID, auth: Runner.hcpTerraform({ organization: 'contoso', project: 'Platform', workspace: 'w' }).providerAuth(app) });
    expect(validationError(workload)).toContain('with the apply phase\'s token');
  });

  test('claims only Terraform knows are not judged: the same reference matches, another is not verifiable', () => {
    const { identity, workload } = twoStacks();
    const cluster = new DataAzurermKubernetesCluster(identity, 'Aks', { name: 'aks', resourceGroupName: 'rg' });
    const app = new AppRegistration(identity, 'App', { displayName: 'a' });
    app.addFederatedCredential('Pod', Trust.kubernetes({ issuerUrl: cluster.oidcIssuerUrl, namespace: 'tf', serviceAccountName: 'runner' }));
    const same = Runner.kubernetes({ issuerUrl: cluster.oidcIssuerUrl, namespace: 'tf', serviceAccountName: 'runner' });
    const literal = Runner.kubernetes({ issuerUrl: 'https://westeurope.oic.prod-aks.azure.com/t/c/', namespace: 'tf', serviceAccountName: 'runner' });
    new Microsoft365Provider(workload, 'Same', { alias: 'same', tenantId: TENANT_ID, auth: same.providerAuth(app) });
    new Microsoft365Provider(workload, 'Literal', { alias: 'literal', tenantId: TENANT_ID, auth: literal.providerAuth(app) });
    expect(validationError(workload)).toBeUndefined();
  });

  test('an identity referred to by ID may hold trusts elsewhere: not verifiable, not an error', () => {
    const { identity, workload } = twoStacks();
    const imported = UserAssignedIdentity.fromAttributes(identity, 'Imported', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    new Microsoft365Provider(workload, 'M365', { auth: github().providerAuth(imported) });
    expect(validationError(workload)).toBeUndefined();
  });

  test('Azure DevOps: checked against the same connection object; by ID alone, not verifiable', () => {
    const { identity, workload } = twoStacks();
    const connection: IServiceConnection = { serviceConnectionId: 'c0ffee00-1111-4222-8333-444455556666', issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, subject: '/eid1/c/pub/t/x/a/y/sc/z' };
    const app = new AppRegistration(identity, 'App', { displayName: 'a' });
    app.addFederatedCredential('Ado', Trust.azureDevOps({ issuerUrl: connection.issuer, subject: 'something else' }));
    new AzureDevOpsProvider(workload, 'ById', { orgServiceUrl: 'https://dev.azure.com/contoso', auth: Runner.azurePipelines({ serviceConnectionId: connection.serviceConnectionId }).providerAuth(app) });
    expect(validationError(workload)).toBeUndefined();
    new AzureDevOpsProvider(workload, 'ByObject', { alias: 'o', orgServiceUrl: 'https://dev.azure.com/contoso', auth: Runner.azurePipelines({ serviceConnection: connection }).providerAuth(app) });
    expect(validationError(workload)).toContain('[workload/ByObject] invalid runner');
  });
});

describe('Azure compute: the identity the machine wears, or the app that trusts it', () => {
  test('a managed-identity sign-in needs an identity the machine wears', () => {
    const { identity, workload } = twoStacks();
    const worn = UserAssignedIdentity.fromAttributes(identity, 'Worn', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    const other = new UserAssignedIdentity(identity, 'Other', { name: 'id-other', resourceGroupName: 'rg', location: 'westeurope' });
    const machine = Runner.azureCompute({ identity: worn });
    AzureProviders.azurerm(workload, 'Worn', { alias: 'worn', auth: machine.providerAuth(worn), subscriptionId: SUBSCRIPTION_ID });
    expect(synthJson(workload).provider.azurerm[0]).toMatchObject({ use_msi: true, client_id: CLIENT_ID });
    AzureProviders.azurerm(workload, 'Other', { alias: 'other', auth: machine.providerAuth(other), subscriptionId: SUBSCRIPTION_ID });
    expect(validationError(workload)).toContain('a managed-identity sign-in can use only an identity the machine wears, and it wears identity/Worn, not identity/Other');
  });

  test('microsoft365 signs in as the app with the machine\'s token in a file (the oidc method), after fetching it from IMDS', () => {
    const { identity, workload } = twoStacks();
    const worn = UserAssignedIdentity.fromAttributes(identity, 'Worn', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    const app = new AppRegistration(identity, 'App', { displayName: 'm365' });
    const machine = Runner.azureCompute({ identity: worn });
    new Microsoft365Provider(workload, 'M365', { auth: machine.providerAuth(app), tenantId: TENANT_ID });
    expect(validationError(workload)).toContain('Fix: add the trust to identity/App: addFederatedCredential(id, Trust.managedIdentity({ principalId: Worn.principalId, tenantId }))');
    app.addFederatedCredential('Vm', machine.trustsFor(app)[0]);
    expect(validationError(workload)).toBeUndefined();
    expect(synthJson(workload).provider.microsoft365[0]).toMatchObject({
      auth_method: 'oidc', tenant_id: TENANT_ID, entra_id_options: { oidc_token_file_path: '.azure-identity-token' },
    });
    expect(machine.setupLines(app)).toEqual([
      `curl -sSf -H Metadata:true 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=api://AzureADTokenExchange&client_id=${CLIENT_ID}' | jq -r .access_token > .azure-identity-token`,
    ]);
  });

  test('a system-assigned identity gets a path to microsoft365 as the app\'s credential; IMDS is asked without a client ID', () => {
    const { identity } = twoStacks();
    const vm = SystemAssignedIdentity.fromPrincipalId(identity, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    const app = new AppRegistration(identity, 'App', { displayName: 'm365' });
    const machine = Runner.azureCompute({ identity: vm, tokenFilePath: '/run/mi.jwt' });
    expect(machine.providerAuth(app).environment(MICROSOFT365)).toMatchObject({ M365_AUTH_METHOD: 'oidc', M365_OIDC_TOKEN_FILE_PATH: '/run/mi.jwt' });
    expect(machine.setupLines(app)[0]).toContain('resource=api://AzureADTokenExchange\' | jq');
  });

  test('an app without the machine\'s identity cannot be worn', () => {
    const { identity, workload } = twoStacks();
    const app = new AppRegistration(identity, 'App', { displayName: 'm365' });
    new Microsoft365Provider(workload, 'M365', { tenantId: TENANT_ID, auth: Runner.azureCompute().providerAuth(app) });
    expect(validationError(workload)).toContain('a machine cannot wear the app registration identity/App');
  });
});

describe('every federated sign-in carries a tenant the provider reads', () => {
  test.each([
    ['microsoft365', (s: TerraformStack, auth: any) => new Microsoft365Provider(s, 'P', { auth }), 'tenant_id or M365_TENANT_ID'],
    ['azurerm', (s: TerraformStack, auth: any) => AzureProviders.azurerm(s, 'P', { auth, subscriptionId: SUBSCRIPTION_ID }), 'tenant_id or ARM_TENANT_ID'],
    ['azuredevops', (s: TerraformStack, auth: any) => new AzureDevOpsProvider(s, 'P', { orgServiceUrl: 'https://dev.azure.com/c', auth }), 'tenant_id or ARM_TENANT_ID'],
  ])('%s refuses a block without one, with the fix', (_name, build, source) => {
    const { workload } = twoStacks();
    const auth = ProviderAuth.githubActionsOidc({ clientId: CLIENT_ID });
    expect(thrownBy(() => build(workload, auth))?.message).toContain(`exchanges a federated token only with a tenant, and reads it from ${source}`);
  });

  test('the environment form needs it too; azuredevops and azurerm read the AKS webhook\'s AZURE_TENANT_ID, microsoft365 never does', () => {
    expect(() => ProviderAuth.githubActionsOidc({ clientId: CLIENT_ID }).environment(AZUREDEVOPS)).toThrow('Fix: pass tenantId to the auth.');
    expect(() => ProviderAuth.aksWorkloadIdentity().environment(AZURERM)).not.toThrow();
    expect(() => ProviderAuth.aksWorkloadIdentity().environment(AZUREDEVOPS)).not.toThrow();
    expect(() => ProviderAuth.aksWorkloadIdentity().environment(MICROSOFT365)).toThrow('never AZURE_TENANT_ID or ARM_TENANT_ID');
  });
});

describe('Azure Pipelines with the pipeline side\'s service connection object', () => {
  test('runner and trust refer to the same AzureDevOpsServiceConnection: verified, a match', () => {
    const { identity, workload } = twoStacks();
    new AzureDevOpsProvider(identity, 'Ado', { orgServiceUrl: 'https://dev.azure.com/contoso', auth: ProviderAuth.managedIdentity({ clientId: CLIENT_ID, tenantId: TENANT_ID }) });
    const uami = new UserAssignedIdentity(identity, 'Deployer', { name: 'id-deployer', resourceGroupName: 'rg', location: 'westeurope' });
    const connection = new AzureDevOpsServiceConnection(identity, 'Apply', {
      connectionName: 'terraform-apply', subscriptionId: SUBSCRIPTION_ID, subscriptionName: 'Platform', identity: uami, projectId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    });
    const runner = Runner.azurePipelines({ serviceConnection: connection });
    AzureProviders.azurerm(workload, 'Rm', { auth: runner.providerAuth(uami), subscriptionId: SUBSCRIPTION_ID });
    expect(validationError(workload)).toBeUndefined();
    expect(runner.matches(Trust.azureDevOps({ issuerUrl: connection.issuer, subject: connection.subject }))).toBe(TrustMatch.MATCHES);
    // Another identity, without the connection's credential, fails.
    const other = new UserAssignedIdentity(identity, 'Other', { name: 'id-other', resourceGroupName: 'rg', location: 'westeurope' });
    AzureProviders.azurerm(workload, 'Other', { alias: 'other', auth: runner.providerAuth(other), subscriptionId: SUBSCRIPTION_ID });
    expect(validationError(workload)).toContain('[workload/Other] invalid runner "Azure Pipelines, service connection identity/Apply": azurerm signs in as identity/Other');
  });
});

describe('Runner factories given nothing (plain JavaScript)', () => {
  test.each([
    ['gitlab', () => Runner.gitlab(undefined as any)],
    ['kubernetes', () => Runner.kubernetes(undefined as any)],
  ])('%s: the missing props are reported by the provider that uses the runner, as a ValidationError', (_, make) => {
    const { identity, workload } = twoStacks();
    const app = new AppRegistration(identity, 'App', { displayName: 'a' });
    const error = thrownBy(() => AzureProviders.azurerm(workload, 'Rm', { auth: make().providerAuth(app), subscriptionId: SUBSCRIPTION_ID }));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValidationError');
  });
});
