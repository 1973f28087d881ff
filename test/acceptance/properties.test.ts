import * as fc from 'fast-check';
import { Construct } from 'constructs';
import { App, TerraformStack, Testing } from 'cdktf';
import {
  AppRegistration, AppRoleGrant, AzureDevOpsAccess, AzureDevOpsLicense, AzureDevOpsProvider, AzureDevOpsServicePrincipalEntitlement, AzureProviders,
  AzureRoleAssignment, DelegatedPermissionGrant, EntraCloud, FederatedCredential, FlexibleFederatedCredential, FlexibleTrust, GitLabRefType,
  GraphPermissions, KeylessWorkload, KubernetesServiceAccount, LeastPrivilege, LeastPrivilegeCheck, Microsoft365Cloud, Microsoft365Provider,
  ProviderAuth, RequiredAppRoleGrant, Runner, SignInAudience, SystemAssignedIdentity, TerraformProviderKind, TerraformRunPhase, Trust, TrustReport,
  UserAssignedIdentity, WellKnownApp, WorkloadIdentityKind,
  AzureDevOpsPlanApply, AzureDevOpsServiceConnection, AzureDevOpsServiceEndpointAzurerm, DataAzureDevOpsProject, DataTfeWorkspace,
  GitHubActionsEnvironmentVariable, GitHubActionsVariable, GitHubEnvironment, GitHubPlanApply, GitHubProvider, GitHubRepositoryAccess,
  GitHubRepositoryEnvironment, HcpTerraformWorkspace, PlanApplyIdentities, TfeProvider, TfeVariable,
} from '../../src';
import { ValidationError } from '../../src/core/validation-error';
import { CREDENTIAL_NAME, credentialName } from '../../src/private/federation-rules';
import { ENTRY_POINTS, STRUCTS } from '../../src/private/shapes.generated';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, SUBSCRIPTION_ID, TENANT_ID, addProviders, reportOf } from '../util';

const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);
const githubName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,20}$/);
/** Branch, tag and environment values: printable, may hold ':' (which GitHub escapes). */
// Branch and tag names as git allows them (git check-ref-format); environment names may also hold ":".
const gitRef = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,10}(\/[A-Za-z0-9][A-Za-z0-9_.-]{0,10}[A-Za-z0-9_-])*$/).filter((v) => !v.startsWith("refs/") && !v.includes(".."));
const environmentName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._/:-]{0,30}$/);

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'p');
  addProviders(s);
  return s;
}

describe('derived credential names', () => {
  test('always match the ARM name rule, for any readable parts', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 80 }), { minLength: 1, maxLength: 6 }), (parts) => {
      expect(credentialName(parts)).toMatch(CREDENTIAL_NAME);
    }));
  });

  test('depend on their own parts alone, and two parts lists meet in one name (as Azure compares, without case) only when both joined read alike', () => {
    const parts = fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(parts, parts, (a, b) => {
      expect(credentialName(a)).toBe(credentialName([...a]));
      if (credentialName(a).toLowerCase() !== credentialName(b).toLowerCase()) return;
      // A lossless name is its parts joined with "-"; only then may two inputs share it.
      expect(a.join('-').toLowerCase()).toBe(b.join('-').toLowerCase());
    }), { numRuns: 2000 });
  });

  test('stay unique on one identity, for any set of service accounts', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.tuple(dnsLabel, dnsLabel), { minLength: 1, maxLength: 20, selector: ([a, b]) => `${a}:${b}` }), (accounts) => {
      const s = stack();
      const identity = new UserAssignedIdentity(s, 'Id', { name: 'id-prop', resourceGroupName: 'rg', location: 'westeurope' });
      const names = accounts.map(([namespace, serviceAccountName], i) => identity.addFederatedCredential(`F${i}`,
        Trust.kubernetes({ issuerUrl: 'https://issuer.example/', namespace, serviceAccountName })).name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(CREDENTIAL_NAME);
    }), { numRuns: 50 });
  });
});

describe('Trust factories', () => {
  test('GitHub subjects never hold whitespace or an unescaped ":" inside a value, and the issuer has no trailing slash', () => {
    const selector = fc.oneof(fc.tuple(fc.constantFrom('branch', 'tag'), gitRef), fc.tuple(fc.constant('environment'), environmentName));
    fc.assert(fc.property(githubName, githubName, selector, (owner, repository, [kind, value]) => {
      const trust = Trust.githubActions({ owner, repository, [kind]: value });
      expect(reportOf(trust).problems).toEqual([]);
      expect(trust.subject).not.toMatch(/\s/);
      expect(trust.issuer.endsWith('/')).toBe(false);
      const valuePart = trust.subject.replace(/^repo:[^:]+:(environment:|ref:refs\/(heads|tags)\/)/, '');
      expect(valuePart).not.toContain(':');
      expect(decodeURIComponent(valuePart)).toBe(value);
    }));
  });

  test('HCP Terraform issuers never end with a slash and subjects end with the run phase', () => {
    fc.assert(fc.property(githubName, githubName, githubName, fc.constantFrom(TerraformRunPhase.PLAN, TerraformRunPhase.APPLY), (organization, project, workspace, runPhase) => {
      const trust = Trust.terraformCloud({ organization, project, workspace, runPhase });
      expect(trust.issuer).toBe('https://app.terraform.io');
      expect(trust.subject.endsWith(`:run_phase:${runPhase}`)).toBe(true);
    }));
  });

  test('no factory output has leading or trailing whitespace when it reports no problem', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (issuer, subject) => {
      const trust = Trust.custom({ issuer, subject });
      if (reportOf(trust).problems.length === 0) {
        expect(trust.issuer).toBe(trust.issuer.trim());
        expect(trust.issuer).not.toMatch(/\s/);
        expect(trust.subject).toBe(trust.subject.trim());
      }
    }));
  });
});

describe('validators throw nothing but the library\'s own error type', () => {
  const rejectsOnlyWithValidationError = (build: () => unknown) => {
    try {
      build();
    } catch (e) {
      if (!ValidationError.isValidationError(e)) throw e;
    }
  };

  test('identities, for any strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (a, b, c, d) => {
      const s = stack();
      rejectsOnlyWithValidationError(() => new UserAssignedIdentity(s, 'U', { name: a, resourceGroupName: b, location: c }));
      rejectsOnlyWithValidationError(() => UserAssignedIdentity.fromAttributes(s, 'I', { resourceId: a, clientId: b, principalId: c, tenantId: d }));
      rejectsOnlyWithValidationError(() => SystemAssignedIdentity.fromPrincipalId(s, 'S', { principalId: a, tenantId: b }));
      rejectsOnlyWithValidationError(() => new AppRegistration(s, 'A', { displayName: a, owners: [b] }));
    }), { numRuns: 60 });
  });

  test('credentials, for any trust values', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (issuer, namespace, name, credentialNameValue) => {
      const s = stack();
      const app = new AppRegistration(s, 'A', { displayName: 'x' });
      rejectsOnlyWithValidationError(() => new FederatedCredential(s, 'K', {
        target: app, trust: Trust.kubernetes({ issuerUrl: issuer, namespace, serviceAccountName: name }), name: credentialNameValue,
      }));
      rejectsOnlyWithValidationError(() => app.addFederatedCredential('G', Trust.githubActions({ owner: namespace, repository: name, environment: issuer })));
      rejectsOnlyWithValidationError(() => app.grantGraphAppRoles('Graph', [name]));
    }), { numRuns: 60 });
  });

  // Plain JavaScript callers pass anything: a runner and everything it is given to still fail only
  // with the library's error, at synth at the latest.
  const text = fc.oneof(fc.string(), fc.constant(undefined));
  const anyValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(undefined), fc.constant(null), fc.object(), fc.array(fc.string()));

  test('runners, for any strings, and anything where an object belongs', () => {
    fc.assert(fc.property(text, text, text, text, anyValue, (a, b, c, d, thing) => {
      const s = stack();
      const app = new AppRegistration(s, 'A', { displayName: 'x' });
      const runners = [
        () => Runner.githubActions({ owner: a, repository: b, environment: c } as any),
        () => Runner.azurePipelines({ serviceConnectionId: a, serviceConnection: thing } as any),
        () => Runner.azurePipelines({ serviceConnection: { serviceConnectionId: a, issuer: b, subject: c } } as any),
        () => Runner.hcpTerraform({ organization: a, project: b, workspace: c, runPhase: d } as any),
        () => Runner.gitlab({ projectPath: a, refType: b, ref: c, tokenEnvironmentVariable: d } as any),
        () => Runner.kubernetes({ issuerUrl: a, namespace: b, serviceAccountName: c, tokenFilePath: d } as any),
        () => Runner.azureCompute({ identity: thing, tokenFilePath: b } as any),
        () => Runner.customOidc({ issuer: a, subject: b, tokenFilePath: c, tokenEnvironmentVariable: d } as any),
        () => Runner.githubActions(thing as any),
        () => Runner.azureCompute(thing as any),
      ];
      for (const [i, make] of runners.entries()) {
        rejectsOnlyWithValidationError(() => {
          const runner = make();
          runner.trustsFor(app);
          runner.setupLines(app);
          runner.matches(Trust.custom({ issuer: 'https://issuer.example', subject: 's' }));
          const auth = runner.providerAuth(app, { tenantId: d as any });
          auth.environment(TerraformProviderKind.AZURERM);
          new Microsoft365Provider(s, `M${i}`, { auth, alias: `m${i}` });
        });
        rejectsOnlyWithValidationError(() => make().providerAuth(thing as any));
        rejectsOnlyWithValidationError(() => new KeylessWorkload(s, `W${i}`, { name: 'w', tenantId: '11111111-2222-3333-4444-555555555555', runner: make() }));
      }
      rejectsOnlyWithValidationError(() => ProviderAuth.federatedToken({ clientId: a, tokenFilePath: b, tokenEnvironmentVariable: c } as any)
        .environment(TerraformProviderKind.AZUREAD));
      rejectsOnlyWithValidationError(() => AzureProviders.azuread(s, 'Hcp', { tenantId: a as any, auth: ProviderAuth.hcpTerraformDynamicCredentials({ clientId: b, tenantId: c } as any) }));
      rejectsOnlyWithValidationError(() => (s.node.root as App).synth());
    }), { numRuns: 20 });
  });
});

/**
 * Plain JavaScript misuse at every public entry point: each parameter, and each prop of a props
 * object, gets values of the wrong type (a number or Symbol for a string, a list with undefined in
 * it, a FlexibleTrust or a look-alike object for a Trust, nothing for a required value...). Only the
 * library's ValidationError may come out. The entry points are read from the jsii assembly's table,
 * so a new one fails this test until it has a baseline call below.
 */
describe('every public entry point answers the wrong JavaScript type with a ValidationError', () => {
  const TENANT = TENANT_ID;
  type Call = { args: unknown[]; run: (args: unknown[]) => unknown };
  const okTrust = () => Trust.kubernetes({ issuerUrl: 'https://issuer.example/', namespace: 'ns', serviceAccountName: 'sa' });
  const okFlexible = () => FlexibleTrust.githubActions({ owner: 'o', repository: 'r', branchPattern: '*' });
  const okAuth = () => ProviderAuth.managedIdentity({ clientId: CLIENT_ID });
  const vm = (s: TerraformStack) => SystemAssignedIdentity.fromPrincipalId(s, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT });
  const uami = (s: TerraformStack) => new UserAssignedIdentity(s, 'Id', { name: 'id-ok', resourceGroupName: 'rg', location: 'westeurope' });
  const app = (s: TerraformStack) => new AppRegistration(s, 'App', { displayName: 'ok' });
  const workload = (s: TerraformStack) => new KeylessWorkload(s, 'W', { name: 'w', tenantId: TENANT, trusts: [okTrust()] });
  /** Adds a value object where it is used, so that the problems it carries are reported. */
  const useTrust = (s: TerraformStack) => (trust: unknown) => {
    const holder = app(s);
    [trust].flat().forEach((t, i) => holder.addFederatedCredential(`C${i}`, t as Trust));
  };
  const useAuth = (s: TerraformStack) => (auth: unknown) => new Microsoft365Provider(s, 'Use', { auth: auth as ProviderAuth });
  const construct = (s: TerraformStack) => new Construct(s, 'Owner');
  const okRunner = () => Runner.kubernetes({ issuerUrl: 'https://issuer.example/', namespace: 'ns', serviceAccountName: 'sa' });
  const useAzuread = (s: TerraformStack) => (auth: unknown) => AzureProviders.azuread(s, 'UseAd', { auth: auth as ProviderAuth, tenantId: TENANT, alias: 'use' });
  /** Uses a runner where its problems are reported: a provider block that signs in through it. */
  const useRunner = (s: TerraformStack) => (runner: unknown) => useAzuread(s)((runner as Runner).providerAuth(app(s)));
  const connection = (s: TerraformStack) => new AzureDevOpsServiceConnection(s, 'Connection', { identity: uami(s), connectionName: 'c', projectName: 'Platform', subscriptionId: SUBSCRIPTION_ID, subscriptionName: 'Production' });
  const identities = (s: TerraformStack) => new PlanApplyIdentities(s, 'Identities', { name: 'tf', tenantId: TENANT });
  const settings = { name: 'fic', issuer: 'https://issuer.example', subject: 'sub', audience: 'api://AzureADTokenExchange', description: 'd' };
  const flexibleSettings = { name: 'fic', issuer: 'https://issuer.example', claimsMatchingExpression: "claims['sub'] matches 'repo:o/r:ref:refs/heads/*'", audience: 'api://AzureADTokenExchange', description: 'd' };
  const principalMethods = (name: string, make: (s: TerraformStack) => any): { [entryPoint: string]: (s: TerraformStack) => Call } => ({
    [`${name}.grantAzureRole`]: (s) => ({ args: ['R', { armScope: `/subscriptions/${SUBSCRIPTION_ID}`, roleDefinitionName: 'Reader' }], run: (a) => make(s).grantAzureRole(...a) }),
    [`${name}.grantGraphAppRoles`]: (s) => ({ args: ['G', ['User.Read.All'], {}], run: (a) => make(s).grantGraphAppRoles(...a) }),
    [`${name}.grantGraphAppRolesRequiredBy`]: (s) => ({ args: ['Q', s, {}], run: (a) => make(s).grantGraphAppRolesRequiredBy(...a) }),
  });
  const trustFactory = (name: string, props: object): { [entryPoint: string]: (s: TerraformStack) => Call } => ({
    [`Trust.${name}`]: (s) => ({ args: [props], run: (a) => useTrust(s)((Trust as any)[name](...a)) }),
  });
  const calls: { [entryPoint: string]: (s: TerraformStack) => Call } = {
    'AppRegistration.constructor': (s) => ({ args: [s, 'A', { displayName: 'ok', owners: [PRINCIPAL_ID], tags: ['t'], apiPermissions: { applicationPermissions: ['User.Read.All'], delegatedPermissions: ['User.Read'], allowPrivileged: false }, description: 'd', signInAudience: SignInAudience.SINGLE_TENANT }], run: (a) => new (AppRegistration as any)(...a) }),
    'AppRegistration.fromAttributes': () => ({ args: [undefined, 'A', { objectId: PRINCIPAL_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT }], run: (a) => AppRegistration.fromAttributes(...(a as [any, any, any])) }),
    'AppRegistration.fromLookup': () => ({ args: [undefined, 'A', { clientId: CLIENT_ID }], run: (a) => AppRegistration.fromLookup(...(a as [any, any, any])) }),
    'AppRegistration.addFederatedCredential': (s) => ({ args: ['F', okTrust(), { name: 'fic-ok' }], run: (a) => (app(s).addFederatedCredential as any)(...a) }),
    'AppRegistration.addFlexibleFederatedCredential': (s) => ({ args: ['F', okFlexible(), { name: 'fic-ok' }], run: (a) => (app(s).addFlexibleFederatedCredential as any)(...a) }),
    'AppRegistration.bindCredential': (s) => ({ args: [undefined, settings, undefined], run: (a) => (app(s).bindCredential as any)(...a) }),
    'AppRegistration.bindFlexibleCredential': (s) => ({ args: [undefined, flexibleSettings], run: (a) => (app(s).bindFlexibleCredential as any)(...a) }),
    ...principalMethods('AppRegistration', app),
    'AppRoleGrant.constructor': (s) => ({ args: [s, 'G', { principal: vm(s), permissions: ['User.Read.All'], resourceAppId: WellKnownApp.MICROSOFT_GRAPH, allowPrivileged: false, allowUnknown: false }], run: (a) => new (AppRoleGrant as any)(...a) }),
    'AzureDevOpsAccess.constructor': (s) => ({ args: [s, 'X', { principal: vm(s), license: AzureDevOpsLicense.BASIC }], run: (a) => new (AzureDevOpsAccess as any)(...a) }),
    'AzureDevOpsPlanApply.constructor': (s) => ({ args: [s, 'P', { planIdentity: uami(s), applyIdentity: app(s), planConnectionName: 'terraform-plan', applyConnectionName: 'terraform-apply', projectName: 'Platform', subscriptionId: SUBSCRIPTION_ID, subscriptionName: 'Production', tenantId: TENANT }], run: (a) => new (AzureDevOpsPlanApply as any)(...a) }),
    'AzureDevOpsServiceConnection.constructor': (s) => ({ args: [s, 'C', { identity: uami(s), connectionName: 'terraform-apply', credentialName: 'ado-apply', description: 'd', projectName: 'Platform', subscriptionId: SUBSCRIPTION_ID, subscriptionName: 'Production', tenantId: TENANT }], run: (a) => new (AzureDevOpsServiceConnection as any)(...a) }),
    'AzureDevOpsServiceConnection.environment': (s) => ({ args: [TerraformProviderKind.AZURERM], run: (a) => (connection(s).environment as any)(...a) }),
    'AzureDevOpsServiceEndpointAzurerm.constructor': (s) => ({ args: [s, 'E', { azurermSpnTenantid: TENANT, azurermSubscriptionId: SUBSCRIPTION_ID, azurermSubscriptionName: 'Production', description: 'd', projectId: PRINCIPAL_ID, serviceEndpointAuthenticationScheme: 'WorkloadIdentityFederation', serviceEndpointName: 'c', servicePrincipalId: CLIENT_ID, validate: false }], run: (a) => new (AzureDevOpsServiceEndpointAzurerm as any)(...a) }),
    'AzureDevOpsProvider.constructor': () => ({ args: [undefined, 'D', { orgServiceUrl: 'https://dev.azure.com/contoso', auth: okAuth(), alias: 'a', providerVersion: '1.11.2', tenantId: TENANT }], run: (a) => new (AzureDevOpsProvider as any)(...a) }),
    'AzureDevOpsServicePrincipalEntitlement.constructor': (s) => ({ args: [s, 'E', { originId: PRINCIPAL_ID, accountLicenseType: 'express', licensingSource: 'account', origin: 'aad' }], run: (a) => new (AzureDevOpsServicePrincipalEntitlement as any)(...a) }),
    'AzureProviders.azuread': () => ({ args: [undefined, 'Ad', { auth: okAuth(), tenantId: TENANT, alias: 'ad' }], run: (a) => (AzureProviders.azuread as any)(...a) }),
    'AzureProviders.azurerm': () => ({ args: [undefined, 'Rm', { auth: okAuth(), subscriptionId: SUBSCRIPTION_ID, tenantId: TENANT, alias: 'rm' }], run: (a) => (AzureProviders.azurerm as any)(...a) }),
    'AzureRoleAssignment.constructor': (s) => ({ args: [s, 'R', { principal: vm(s), armScope: `/subscriptions/${SUBSCRIPTION_ID}`, roleDefinitionName: 'Reader', description: 'd' }], run: (a) => new (AzureRoleAssignment as any)(...a) }),
    'DelegatedPermissionGrant.constructor': (s) => ({ args: [s, 'D', { principal: app(s), scopes: ['User.Read'] }], run: (a) => new (DelegatedPermissionGrant as any)(...a) }),
    'DataAzureDevOpsProject.constructor': (s) => ({ args: [s, 'P', { name: 'Platform' }], run: (a) => new (DataAzureDevOpsProject as any)(...a) }),
    'DataTfeWorkspace.constructor': (s) => ({ args: [s, 'W', { name: 'w', organization: 'o' }], run: (a) => new (DataTfeWorkspace as any)(...a) }),
    'FederatedCredential.constructor': (s) => ({ args: [s, 'F', { target: uami(s), trust: okTrust(), name: 'fic-ok' }], run: (a) => new (FederatedCredential as any)(...a) }),
    'FlexibleFederatedCredential.constructor': (s) => ({ args: [s, 'F', { target: app(s), trust: okFlexible(), name: 'fic-ok' }], run: (a) => new (FlexibleFederatedCredential as any)(...a) }),
    'FlexibleTrust.githubActions': (s) => ({ args: [{ owner: 'o', repository: 'r', tagPattern: 'v*', ownerId: '1', repositoryId: '2' }], run: (a) => app(s).addFlexibleFederatedCredential('C', (FlexibleTrust.githubActions as any)(...a)) }),
    'FlexibleTrust.gitlab': (s) => ({ args: [{ projectPath: 'g/p', branchPattern: '*', audience: 'https://gitlab.com', instanceUrl: 'https://gitlab.com' }], run: (a) => app(s).addFlexibleFederatedCredential('C', (FlexibleTrust.gitlab as any)(...a)) }),
    'FlexibleTrust.terraformCloud': (s) => ({ args: [{ organization: 'o', project: 'platform', workspacePattern: 'w*', runPhase: TerraformRunPhase.PLAN, hostname: 'app.terraform.io' }], run: (a) => app(s).addFlexibleFederatedCredential('C', (FlexibleTrust.terraformCloud as any)(...a)) }),
    'GitHubActionsEnvironmentVariable.constructor': (s) => ({ args: [s, 'V', { repository: 'r', environment: 'prod', variableName: 'REGION', value: 'westeurope' }], run: (a) => new (GitHubActionsEnvironmentVariable as any)(...a) }),
    'GitHubActionsVariable.constructor': (s) => ({ args: [s, 'V', { repository: 'r', variableName: 'REGION', value: 'westeurope' }], run: (a) => new (GitHubActionsVariable as any)(...a) }),
    'GitHubEnvironment.constructor': (s) => ({ args: [s, 'E', { identity: uami(s), owner: 'o', repository: 'r', environment: 'prod', credentialName: 'gh-prod', ownerId: '1', repositoryId: '2', subscriptionId: SUBSCRIPTION_ID, tenantId: TENANT, variables: { REGION: 'westeurope' } }], run: (a) => new (GitHubEnvironment as any)(...a) }),
    'GitHubPlanApply.constructor': (s) => ({ args: [s, 'P', { planIdentity: uami(s), applyIdentity: app(s), owner: 'o', repository: 'r', applyEnvironment: 'prod', planBranch: 'main', ownerId: '1', repositoryId: '2', subscriptionId: SUBSCRIPTION_ID, tenantId: TENANT }], run: (a) => new (GitHubPlanApply as any)(...a) }),
    'GitHubProvider.constructor': (s) => ({ args: [s, 'Gh', { owner: 'o', baseUrl: 'https://api.github.com/', alias: 'gh', providerVersion: '6.13.0' }], run: (a) => new (GitHubProvider as any)(...a) }),
    'GitHubRepositoryAccess.constructor': (s) => ({ args: [s, 'R', { identity: uami(s), owner: 'o', repository: 'r', branch: 'main', credentialName: 'gh-main', ownerId: '1', repositoryId: '2', subscriptionId: SUBSCRIPTION_ID, tenantId: TENANT, variables: { REGION: 'westeurope' } }], run: (a) => new (GitHubRepositoryAccess as any)(...a) }),
    'GitHubRepositoryEnvironment.constructor': (s) => ({ args: [s, 'E', { repository: 'r', environment: 'prod' }], run: (a) => new (GitHubRepositoryEnvironment as any)(...a) }),
    'GraphPermissions.appRoleId': () => ({ args: ['User.Read.All'], run: (a) => (GraphPermissions.appRoleId as any)(...a) }),
    'GraphPermissions.delegatedScopeId': () => ({ args: ['User.Read'], run: (a) => (GraphPermissions.delegatedScopeId as any)(...a) }),
    'GraphPermissions.isKnownAppRole': () => ({ args: ['User.Read.All'], run: (a) => (GraphPermissions.isKnownAppRole as any)(...a) }),
    'GraphPermissions.isKnownDelegatedScope': () => ({ args: ['User.Read'], run: (a) => (GraphPermissions.isKnownDelegatedScope as any)(...a) }),
    'GraphPermissions.privilegeTier': () => ({ args: ['User.Read.All'], run: (a) => (GraphPermissions.privilegeTier as any)(...a) }),
    'HcpTerraformWorkspace.constructor': (s) => ({ args: [s, 'H', { identity: uami(s), organization: 'o', project: 'platform', workspace: 'w', hostname: 'app.terraform.io', subscriptionId: SUBSCRIPTION_ID, tenantId: TENANT, variables: { REGION: 'westeurope' }, workspaceId: 'ws-AbCdEfGh12345678' }], run: (a) => new (HcpTerraformWorkspace as any)(...a) }),
    'HcpTerraformWorkspace.runner': (s) => ({ args: [TerraformRunPhase.PLAN], run: (a) => (new HcpTerraformWorkspace(s, 'Ws', { identity: uami(s), organization: 'o', project: 'platform', workspace: 'w', workspaceId: 'ws-AbCdEfGh12345678' }).runner as any)(...a) }),
    'KeylessWorkload.constructor': () => ({ args: [undefined, 'W', { name: 'w-id', tenantId: TENANT, identityKind: WorkloadIdentityKind.USER_ASSIGNED, resourceGroupName: 'rg', location: 'westeurope', trusts: [okTrust()], graphPermissions: ['User.Read.All'], allowPrivileged: false }], run: (a) => new (KeylessWorkload as any)(...a) }),
    'KeylessWorkload.azureadProvider': (s) => ({ args: [s, 'Ad', { alias: 'ad', auth: okAuth() }], run: (a) => (workload(s).azureadProvider as any)(...a) }),
    'KeylessWorkload.azureDevOpsProvider': (s) => ({ args: [s, 'D', { orgServiceUrl: 'https://dev.azure.com/contoso', alias: 'ado', auth: okAuth() }], run: (a) => (workload(s).azureDevOpsProvider as any)(...a) }),
    'KeylessWorkload.azurermProvider': (s) => ({ args: [s, 'Rm', { subscriptionId: SUBSCRIPTION_ID, alias: 'rm', auth: okAuth() }], run: (a) => (workload(s).azurermProvider as any)(...a) }),
    'KeylessWorkload.environment': (s) => ({ args: [TerraformProviderKind.AZURERM, okRunner()], run: (a) => (workload(s).environment as any)(...a) }),
    ...principalMethods('KeylessWorkload', workload),
    'KeylessWorkload.kubernetesServiceAccount': (s) => ({ args: [s, 'Sa', { namespace: 'ns', name: 'sa', tokenExpirationSeconds: 3600 }], run: (a) => (workload(s).kubernetesServiceAccount as any)(...a) }),
    'KeylessWorkload.microsoft365Provider': (s) => ({ args: [s, 'M', { cloud: Microsoft365Cloud.PUBLIC, alias: 'm', auth: okAuth() }], run: (a) => (workload(s).microsoft365Provider as any)(...a) }),
    'KubernetesServiceAccount.constructor': (s) => ({ args: [s, 'Sa', { identity: uami(s), namespace: 'ns', name: 'sa', tenantId: TENANT, tokenExpirationSeconds: 3600 }], run: (a) => new (KubernetesServiceAccount as any)(...a) }),
    'LeastPrivilege.requiredBy': () => ({ args: [undefined, { principalId: PRINCIPAL_ID }], run: (a) => (LeastPrivilege.requiredBy as any)(...a) }),
    'LeastPrivilegeCheck.constructor': (s) => ({ args: [s, 'L', { grantee: vm(s), requiredBy: s }], run: (a) => new (LeastPrivilegeCheck as any)(...a) }),
    'Microsoft365Provider.constructor': () => ({ args: [undefined, 'M', { auth: okAuth(), alias: 'm', cloud: Microsoft365Cloud.PUBLIC, debugMode: false, providerVersion: '0.57.1-alpha', telemetryOptout: true, tenantId: TENANT, clientOptions: { customUserAgent: 'x', enableCompression: true, enableHeadersInspection: false, enableRedirect: true, enableRetry: true, maxRedirects: 3, maxRetries: 3, proxyUrl: 'http://proxy', retryDelaySeconds: 2, timeoutSeconds: 30, useProxy: false } }], run: (a) => new (Microsoft365Provider as any)(...a) }),
    'PlanApplyIdentities.constructor': (s) => ({ args: [s, 'Pa', { name: 'tf', tenantId: TENANT, identityKind: WorkloadIdentityKind.USER_ASSIGNED, resourceGroupName: 'rg', location: 'westeurope', managedScopes: { Subscription: `/subscriptions/${SUBSCRIPTION_ID}` }, applyRoleName: 'Contributor', stateContainerScope: `/subscriptions/${SUBSCRIPTION_ID}`, requiredBy: s, allowPrivileged: true }], run: (a) => new (PlanApplyIdentities as any)(...a) }),
    'PlanApplyIdentities.azureDevOps': (s) => ({ args: [s, 'Ado', { planConnectionName: 'terraform-plan', applyConnectionName: 'terraform-apply', projectName: 'Platform', subscriptionId: SUBSCRIPTION_ID, subscriptionName: 'Production' }], run: (a) => (identities(s).azureDevOps as any)(...a) }),
    'PlanApplyIdentities.github': (s) => ({ args: [s, 'Gh', { owner: 'o', repository: 'r', applyEnvironment: 'prod', planBranch: 'main', ownerId: '1', repositoryId: '2', subscriptionId: SUBSCRIPTION_ID }], run: (a) => (identities(s).github as any)(...a) }),
    'PlanApplyIdentities.hcpTerraform': (s) => ({ args: [s, 'Hcp', { organization: 'o', project: 'platform', workspace: 'w', hostname: 'app.terraform.io', subscriptionId: SUBSCRIPTION_ID, workspaceId: 'ws-AbCdEfGh12345678' }], run: (a) => (identities(s).hcpTerraform as any)(...a) }),
    'ProviderAuth.aksWorkloadIdentity': (s) => ({ args: [{ clientId: CLIENT_ID, tenantId: TENANT }], run: (a) => useAuth(s)((ProviderAuth.aksWorkloadIdentity as any)(...a)) }),
    'ProviderAuth.azureDevOpsOidc': (s) => ({ args: [{ clientId: CLIENT_ID, serviceConnectionId: PRINCIPAL_ID, tenantId: TENANT }], run: (a) => useAuth(s)((ProviderAuth.azureDevOpsOidc as any)(...a)) }),
    'ProviderAuth.githubActionsOidc': (s) => ({ args: [{ clientId: CLIENT_ID, tenantId: TENANT }], run: (a) => useAuth(s)((ProviderAuth.githubActionsOidc as any)(...a)) }),
    'ProviderAuth.managedIdentity': (s) => ({ args: [{ clientId: CLIENT_ID, tenantId: TENANT }], run: (a) => useAuth(s)((ProviderAuth.managedIdentity as any)(...a)) }),
    'ProviderAuth.workloadIdentity': (s) => ({ args: [{ clientId: CLIENT_ID, tenantId: TENANT, tokenFilePath: '/var/run/token' }], run: (a) => useAuth(s)((ProviderAuth.workloadIdentity as any)(...a)) }),
    'ProviderAuth.environment': () => ({ args: [TerraformProviderKind.AZURERM], run: (a) => (okAuth().environment as any)(...a) }),
    'ProviderAuth.federatedToken': (s) => ({ args: [{ clientId: CLIENT_ID, tenantId: TENANT, tokenFilePath: '/var/run/token' }], run: (a) => useAuth(s)((ProviderAuth.federatedToken as any)(...a)) }),
    'ProviderAuth.hcpTerraformDynamicCredentials': (s) => ({ args: [{ clientId: CLIENT_ID, tenantId: TENANT }], run: (a) => useAzuread(s)((ProviderAuth.hcpTerraformDynamicCredentials as any)(...a)) }),
    'ProviderAuth.variablesToUnset': () => ({ args: [TerraformProviderKind.AZURERM], run: (a) => (okAuth().variablesToUnset as any)(...a) }),
    'Runner.azureCompute': (s) => ({ args: [{ identity: uami(s), tokenFilePath: '/var/run/token' }], run: (a) => useRunner(s)((Runner.azureCompute as any)(...a)) }),
    'Runner.azurePipelines': (s) => ({ args: [{ serviceConnectionId: PRINCIPAL_ID }], run: (a) => useRunner(s)((Runner.azurePipelines as any)(...a)) }),
    'Runner.customOidc': (s) => ({ args: [{ issuer: 'https://idp.example', subject: 's', audience: 'api://AzureADTokenExchange', tokenFilePath: '/var/run/token' }], run: (a) => useRunner(s)((Runner.customOidc as any)(...a)) }),
    'Runner.githubActions': (s) => ({ args: [{ owner: 'o', repository: 'r', environment: 'prod', ownerId: '1', repositoryId: '2', issuerUrl: 'https://token.actions.githubusercontent.com' }], run: (a) => useRunner(s)((Runner.githubActions as any)(...a)) }),
    'Runner.gitlab': (s) => ({ args: [{ projectPath: 'g/p', refType: GitLabRefType.BRANCH, ref: 'main', audience: 'https://gitlab.com', instanceUrl: 'https://gitlab.com', tokenFilePath: '/var/run/token' }], run: (a) => useRunner(s)((Runner.gitlab as any)(...a)) }),
    'Runner.hcpTerraform': (s) => ({ args: [{ organization: 'o', project: 'Default Project', workspace: 'w', runPhase: TerraformRunPhase.APPLY, hostname: 'app.terraform.io' }], run: (a) => useRunner(s)((Runner.hcpTerraform as any)(...a)) }),
    'Runner.kubernetes': (s) => ({ args: [{ issuerUrl: 'https://issuer.example/', namespace: 'ns', serviceAccountName: 'sa', tokenFilePath: '/var/run/token' }], run: (a) => useRunner(s)((Runner.kubernetes as any)(...a)) }),
    'Runner.matches': () => ({ args: [okTrust()], run: (a) => (okRunner().matches as any)(...a) }),
    'Runner.providerAuth': (s) => ({ args: [app(s), { tenantId: TENANT }], run: (a) => (okRunner().providerAuth as any)(...a) }),
    'Runner.setupLines': (s) => ({ args: [app(s)], run: (a) => (okRunner().setupLines as any)(...a) }),
    'Runner.trustsFor': (s) => ({ args: [app(s)], run: (a) => (okRunner().trustsFor as any)(...a) }),
    'RequiredAppRoleGrant.constructor': (s) => ({ args: [s, 'Q', { principal: vm(s), requiredBy: s, allowPrivileged: false }], run: (a) => new (RequiredAppRoleGrant as any)(...a) }),
    'RequiredGraphPermissions.reasonsFor': (s) => ({ args: ['User.Read.All'], run: (a) => (LeastPrivilege.requiredBy(s).reasonsFor as any)(...a) }),
    'RequiredGraphPermissions.toMarkdown': (s) => ({ args: ['Title'], run: (a) => (LeastPrivilege.requiredBy(s).toMarkdown as any)(...a) }),
    'SystemAssignedIdentity.fromPrincipalId': () => ({ args: [undefined, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT }], run: (a) => (SystemAssignedIdentity.fromPrincipalId as any)(...a) }),
    ...principalMethods('SystemAssignedIdentity', vm),
    ...trustFactory('azureDevOps', { issuerUrl: `https://login.microsoftonline.com/${TENANT}/v2.0`, subject: 'opaque/sc/1' }),
    ...trustFactory('azureDevOpsLegacy', { organizationId: TENANT, organizationName: 'o', projectName: 'p', serviceConnectionName: 'c' }),
    ...trustFactory('custom', { issuer: 'https://idp.example', subject: 's', audience: 'a', description: 'd' }),
    ...trustFactory('githubActions', { owner: 'o', repository: 'r', environment: 'prod', ownerId: '1', repositoryId: '2', issuerUrl: 'https://token.actions.githubusercontent.com' }),
    ...trustFactory('gitlab', { projectPath: 'g/p', refType: GitLabRefType.BRANCH, ref: 'main', audience: 'https://gitlab.com', instanceUrl: 'https://gitlab.com' }),
    ...trustFactory('google', { serviceAccountUniqueId: '1234' }),
    ...trustFactory('kubernetes', { issuerUrl: 'https://issuer.example/', namespace: 'ns', serviceAccountName: 'sa' }),
    ...trustFactory('managedIdentity', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID, cloud: EntraCloud.PUBLIC }),
    ...trustFactory('terraformCloud', { organization: 'o', project: 'platform', workspace: 'w', runPhase: TerraformRunPhase.APPLY, hostname: 'app.terraform.io' }),
    ...trustFactory('terraformCloudRunPhases', { organization: 'o', project: 'platform', workspace: 'w', hostname: 'app.terraform.io' }),
    'TfeProvider.constructor': (s) => ({ args: [s, 'Tfe', { organization: 'o', hostname: 'app.terraform.io', alias: 'tfe', providerVersion: '0.80.0' }], run: (a) => new (TfeProvider as any)(...a) }),
    'TfeVariable.constructor': (s) => ({ args: [s, 'V', { workspaceId: 'ws-AbCdEfGh12345678', key: 'REGION', value: 'westeurope', description: 'd' }], run: (a) => new (TfeVariable as any)(...a) }),
    'TrustReport.constructor': (s) => ({ args: [s, 'Report'], run: (a) => new (TrustReport as any)(...a) }),
    'TrustReport.of': (s) => ({ args: [s], run: (a) => (TrustReport.of as any)(...a) }),
    'UserAssignedIdentity.constructor': () => ({ args: [undefined, 'U', { name: 'id-ok', resourceGroupName: 'rg', location: 'westeurope', tags: { team: 'platform' } }], run: (a) => new (UserAssignedIdentity as any)(...a) }),
    'UserAssignedIdentity.fromAttributes': () => ({ args: [undefined, 'U', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT }], run: (a) => (UserAssignedIdentity.fromAttributes as any)(...a) }),
    'UserAssignedIdentity.fromLookup': () => ({ args: [undefined, 'U', { name: 'id-ok', resourceGroupName: 'rg' }], run: (a) => (UserAssignedIdentity.fromLookup as any)(...a) }),
    'UserAssignedIdentity.addFederatedCredential': (s) => ({ args: ['F', okTrust(), { name: 'fic-ok' }], run: (a) => (uami(s).addFederatedCredential as any)(...a) }),
    'UserAssignedIdentity.bindCredential': (s) => ({ args: [undefined, settings, undefined], run: (a) => (uami(s).bindCredential as any)(...a) }),
    ...principalMethods('UserAssignedIdentity', uami),
  };

  /** A stack, and the call with `undefined` scopes and owners filled in with it. */
  const prepared = (entryPoint: string) => {
    const s = stack();
    const call = calls[entryPoint](s);
    const args = call.args.map((arg, i) => arg === undefined && /Construct|IConstruct/.test(ENTRY_POINTS[entryPoint][i]?.[1] ?? '') ? (i === 0 && !/bind(Flexible)?Credential/.test(entryPoint) ? s : construct(s)) : arg);
    return { s, call, args };
  };

  /** Every place a value goes: each parameter, and each prop of a props object given as one, with its declared type. */
  const slots: Array<{ entryPoint: string; path: Array<string | number>; type: string; name: string }> = [];
  for (const [entryPoint, parameters] of Object.entries(ENTRY_POINTS)) {
    parameters.forEach(([name, type], i) => {
      slots.push({ entryPoint, path: [i], type, name });
      const struct = /^struct:(\w+)\??$/.exec(type);
      if (struct) for (const [prop, propType] of Object.entries(STRUCTS[struct[1]])) slots.push({ entryPoint, path: [i, prop], type: propType, name: prop });
    });
  }

  const symbol = Symbol('not a string');
  /** Values that a type does not allow (never undefined for an optional slot). */
  function wrong(type: string): unknown[] {
    const optional = type.endsWith('?');
    const t = type.replace(/\?$/, '');
    const missing = optional ? [] : [undefined];
    if (t === 'string') return [...missing, 42, symbol];
    if (t === 'number') return [...missing, '3600', NaN];
    if (t === 'boolean') return [...missing, 'false'];
    if (t === 'list<string>') return [...missing, 'User.Read.All', ['a', undefined], [symbol]];
    if (t === 'list<number>') return [...missing, 7, ['7'], [NaN]];
    if (t === 'list<class:Trust>') return [...missing, okTrust(), [undefined], [okFlexible()], [{ issuer: 'https://x', subject: 's' }]];
    if (t === 'map<string>') return [...missing, 'team=platform', { team: 42 }];
    if (t.startsWith('enum:')) return [...missing, 0, symbol];
    if (t.startsWith('struct:')) return ['props', symbol];
    if (t === 'class:Trust') return [...missing, okFlexible(), { issuer: 'https://x', subject: 's', audience: 'a', description: 'd', platform: 'Custom' }];
    if (t === 'class:FlexibleTrust') return [...missing, okTrust(), { issuer: 'https://x', claimsMatchingExpression: "claims['sub'] eq 'a'" }];
    if (t === 'class:Runner') return [...missing, okTrust(), { platform: 'GitHub Actions', description: 'x' }];
    if (t === 'class:ProviderAuth') return [...missing, okTrust(), { method: 'ManagedIdentity', clientId: CLIENT_ID }];
    if (t.startsWith('interface:') || t.startsWith('external:')) return [...missing, 'bad/Vm', { node: { path: 'x' } }];
    throw new Error(`no wrong values for ${type}`);
  }

  function withValue(args: unknown[], path: Array<string | number>, value: unknown): unknown[] {
    const copy = [...args];
    if (path.length === 1) copy[path[0] as number] = value;
    else copy[path[0] as number] = { ...(copy[path[0] as number] as object ?? {}), [path[1]]: value };
    return copy;
  }

  /** What happened: 'ok', the ValidationError, or any other error (a failure). */
  function outcome(run: () => unknown): { ok: true } | { ok: false; error: unknown } {
    try {
      run();
      return { ok: true };
    } catch (error) {
      return { ok: false, error };
    }
  }

  test('every entry point of the assembly has a baseline call here, and every baseline call is an entry point', () => {
    expect(Object.keys(calls).sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
  });

  test.each(Object.keys(ENTRY_POINTS).sort())('%s: the baseline call is accepted', (entryPoint) => {
    const { call, args } = prepared(entryPoint);
    const result = outcome(() => call.run(args));
    expect(result.ok ? 'ok' : String((result as any).error?.stack)).toBe('ok');
  });

  test.each(slots.map((slot) => [`${slot.entryPoint} ${slot.path.join('.')}: ${slot.type}`, slot] as const))('%s', (_name, slot) => {
    // Two wrong values a slot (the random test below tries the rest): each call builds a whole stack.
    for (const value of wrong(slot.type).slice(0, 2)) {
      const { call, args } = prepared(slot.entryPoint);
      const result = outcome(() => call.run(withValue(args, slot.path, value)));
      const shown = typeof value === 'symbol' ? value.toString() : JSON.stringify(value) ?? String(value);
      if (result.ok) throw new Error(`${slot.entryPoint} accepted ${shown} for ${slot.name}`);
      if (!ValidationError.isValidationError(result.error)) throw new Error(`${slot.entryPoint} threw ${String((result.error as Error)?.stack ?? result.error)} for ${slot.name} = ${shown}`);
      expect(result.error.message).toMatch(/Fix: /);
      expect(result.error.message).toContain(String(slot.name).replace(/^_/, ''));
    }
  });

  test('random values of the wrong type, at any slot, come out as ValidationError', () => {
    const fitsType = (type: string, v: unknown): boolean => {
      const t = type.replace(/\?$/, '');
      if (v === undefined) return type.endsWith('?');
      if (t === 'string' || t.startsWith('enum:')) return typeof v === 'string';
      if (t === 'number') return typeof v === 'number' && !Number.isNaN(v);
      if (t === 'boolean') return typeof v === 'boolean';
      // A list or map fits when each of its members fits the member type, so an empty one always fits.
      const member = /^(?:list|map)<(.+)>$/.exec(t)?.[1];
      if (t.startsWith('list<')) return Array.isArray(v) && v.every((x) => fitsType(member!, x));
      if (t.startsWith('map<')) return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => fitsType(member!, x));
      if (t.startsWith('struct:')) return typeof v === 'object' && v !== null && !Array.isArray(v);
      return false;
    };
    const anyValue = fc.oneof(fc.anything({ maxDepth: 1 }), fc.constant(symbol), fc.array(fc.option(fc.string(), { nil: undefined }), { maxLength: 3 }));
    fc.assert(fc.property(fc.integer({ min: 0, max: slots.length - 1 }), anyValue, (index, value) => {
      const slot = slots[index];
      fc.pre(value !== null && !fitsType(slot.type, value));
      const { call, args } = prepared(slot.entryPoint);
      const result = outcome(() => call.run(withValue(args, slot.path, value)));
      return !result.ok && ValidationError.isValidationError(result.error);
    }), { numRuns: 100 });
  });
});
