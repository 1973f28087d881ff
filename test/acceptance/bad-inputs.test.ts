import { Fn, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import {
  AppRegistration, AppRoleGrant, AzureDevOpsAccess, AzureDevOpsProvider, AzureProviders, DelegatedPermissionGrant, FederatedCredential,
  FlexibleFederatedCredential, FlexibleTrust, GitLabRefType, KeylessWorkload, KubernetesServiceAccount, Microsoft365Provider,
  GraphPermissions, LeastPrivilege, ProviderAuth, SystemAssignedIdentity, TerraformRunPhase, Trust, UserAssignedIdentity, WellKnownApp, WorkloadIdentityKind,
} from '../../src';
import { ValidationError } from '../../src/core/validation-error';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, SUBSCRIPTION_ID, TENANT_ID, addProviders, thrownBy } from '../util';

const AKS = 'https://westeurope.oic.prod-aks.azure.com/t/c/';
const ORG = 'https://dev.azure.com/contoso';
const k8s = (serviceAccountName: string) => Trust.kubernetes({ issuerUrl: AKS, namespace: 'terraform', serviceAccountName });

const uami = (s: TerraformStack) => new UserAssignedIdentity(s, 'Id', { name: 'id-ok', resourceGroupName: 'rg', location: 'westeurope' });
const imported = (s: TerraformStack) => UserAssignedIdentity.fromAttributes(s, 'Id', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
const app = (s: TerraformStack) => new AppRegistration(s, 'App', { displayName: 'ok' });
const vm = (s: TerraformStack) => SystemAssignedIdentity.fromPrincipalId(s, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
/** Builds a case in a fresh stack named `bad` and synthesizes it with validations on. */
const synthBad = (build: (s: TerraformStack) => unknown) => {
  const stack = new TerraformStack(Testing.app(), 'bad');
  addProviders(stack);
  build(stack);
  return Testing.synth(stack, true);
};
const uaProps = { name: 'id-ok', resourceGroupName: 'rg', location: 'westeurope' };
const attrs = { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID };

/** [what, build, construct path in the message, the fix in the message] */
type Row = [string, (s: TerraformStack) => unknown, string, string];

const rows: Row[] = [
  // Principals
  ['identity name too short', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, name: 'ab' }), 'bad/Id', 'choose a name matching'],
  ['identity name bad first character', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, name: '_id' }), 'bad/Id', 'e.g. "id-identity"'],
  ['identity name bad character', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, name: 'id.ci' }), 'bad/Id', 'e.g. "id-ci"'],
  ['identity name too long', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, name: 'a'.repeat(129) }), 'bad/Id', 'choose a name matching'],
  ['empty resource group', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, resourceGroupName: '' }), 'bad/Id', 'pass a resource group name such as "rg-identity"'],
  ['empty location', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, location: ' ' }), 'bad/Id', 'pass a location such as "westeurope"'],
  ['imported: client ID not a GUID', (s) => UserAssignedIdentity.fromAttributes(s, 'Id', { ...attrs, clientId: 'ci' }), 'bad/Id', 'pass the client ID as a GUID'],
  ['imported: principal ID not a GUID', (s) => UserAssignedIdentity.fromAttributes(s, 'Id', { ...attrs, principalId: 'p' }), 'bad/Id', 'az identity show --query principalId'],
  ['imported: tenant ID not a GUID', (s) => UserAssignedIdentity.fromAttributes(s, 'Id', { ...attrs, tenantId: 'contoso.com' }), 'bad/Id', 'az account show --query tenantId'],
  ['imported: tenant ID in braces', (s) => UserAssignedIdentity.fromAttributes(s, 'Id', { ...attrs, tenantId: `{${TENANT_ID}}` }), 'bad/Id', `use "${TENANT_ID}"`],
  ['imported: malformed resource ID', (s) => UserAssignedIdentity.fromAttributes(s, 'Id', { ...attrs, resourceId: '/subscriptions/x/id' }), 'bad/Id', 'az identity show -g GROUP -n NAME --query id'],
  ['lookup: bad name', (s) => UserAssignedIdentity.fromLookup(s, 'Id', { name: 'a b', resourceGroupName: 'rg' }), 'bad/Id', 'choose a name matching'],
  ['system-assigned: principal ID not a GUID', (s) => SystemAssignedIdentity.fromPrincipalId(s, 'Vm', { principalId: 'vm', tenantId: TENANT_ID }), 'bad/Vm', 'pass the principal ID as a GUID'],
  ['system-assigned: tenant not a GUID', (s) => SystemAssignedIdentity.fromPrincipalId(s, 'Vm', { principalId: PRINCIPAL_ID, tenantId: 't' }), 'bad/Vm', 'pass the tenant ID as a GUID'],
  ['imported app: object ID not a GUID', (s) => AppRegistration.fromAttributes(s, 'App', { objectId: 'x', clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID }), 'bad/App', 'pass the object ID as a GUID'],
  ['looked-up app: client ID not a GUID', (s) => AppRegistration.fromLookup(s, 'App', { clientId: 'terraform-ci' }), 'bad/App', 'pass the client ID as a GUID'],
  ['app: empty display name', (s) => new AppRegistration(s, 'App', { displayName: '' }), 'bad/App', 'pass a display name such as'],
  ['app: owner not an object ID', (s) => new AppRegistration(s, 'App', { displayName: 'x', owners: ['bob@contoso.com'] }), 'bad/App', 'pass the object ID as a GUID'],
  ['app: delegated name as application permission', (s) => new AppRegistration(s, 'App', { displayName: 'x', apiPermissions: { applicationPermissions: ['User.Read'] } }), 'bad/App', 'Delegated permissions belong in AppRegistration apiPermissions.delegatedPermissions'],
  ['app: unknown delegated scope', (s) => new AppRegistration(s, 'App', { displayName: 'x', apiPermissions: { delegatedPermissions: ['Mail.Sendd'] } }), 'bad/App', 'Did you mean'],
  // Trusts
  ['kubernetes: namespace not DNS-1123', (s) => uami(s).addFederatedCredential('F', Trust.kubernetes({ issuerUrl: AKS, namespace: 'Prod', serviceAccountName: 'sa' })), 'bad/Id/F', 'e.g. "prod"'],
  ['kubernetes: service account not DNS-1123', (s) => uami(s).addFederatedCredential('F', k8s('Runner_1')), 'bad/Id/F', 'use the name as Kubernetes stores it'],
  ['kubernetes: http issuer', (s) => uami(s).addFederatedCredential('F', Trust.kubernetes({ issuerUrl: 'http://oidc.example', namespace: 'a', serviceAccountName: 'b' })), 'bad/Id/F', '"https://oidc.example"'],
  ['kubernetes: issuer with whitespace', (s) => uami(s).addFederatedCredential('F', Trust.kubernetes({ issuerUrl: `${AKS} `, namespace: 'a', serviceAccountName: 'b' })), 'bad/Id/F', `use "${AKS}"`],
  ['github: no selector', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r' })), 'bad/App/F', 'give exactly one of branch, environment, tag or pullRequest'],
  ['github: two selectors', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'main', tag: 'v1' })), 'bad/App/F', 'add one credential per selector'],
  ['github: wildcard branch', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'feature/*' })), 'bad/App/F', 'FlexibleTrust.githubActions'],
  ['github: refs/heads prefix', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'refs/heads/main' })), 'bad/App/F', 'use "main"'],
  ['github: trailing slash issuer', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'main', issuerUrl: 'https://token.actions.githubusercontent.com/' })), 'bad/App/F', 'use "https://token.actions.githubusercontent.com"'],
  ['github: owner ID without repository ID', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'main', ownerId: '1' })), 'bad/App/F', 'give both ownerId and repositoryId'],
  ['github: non-numeric IDs', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'main', ownerId: 'o', repositoryId: '2' })), 'bad/App/F', 'use the numeric ID'],
  ['github: owner given as URL', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'https://github.com/o', repository: 'r', branch: 'main' })), 'bad/App/F', 'give the bare owner name'],
  ['github: pull-request with a hyphen', (s) => app(s).addFederatedCredential('F', Trust.custom({ issuer: 'https://token.actions.githubusercontent.com', subject: 'repo:o/r:pull-request' })), 'bad/App/F', '"repo:o/r:pull_request"'],
  ['azure devops legacy: organization name as ID', (s) => app(s).addFederatedCredential('F', Trust.azureDevOpsLegacy({ organizationId: 'contoso', organizationName: 'contoso', projectName: 'p', serviceConnectionName: 's' })), 'bad/App/F', "the issuer takes the organization's ID, not its name"],
  ['azure devops: http issuer', (s) => app(s).addFederatedCredential('F', Trust.azureDevOps({ issuerUrl: 'http://login.microsoftonline.com/t/v2.0', subject: 's' })), 'bad/App/F', 'https://login.microsoftonline.com/t/v2.0'],
  ['hcp terraform: unknown run phase', (s) => app(s).addFederatedCredential('F', Trust.terraformCloud({ organization: 'o', project: 'platform', workspace: 'w', runPhase: 'destroy' as TerraformRunPhase })), 'bad/App/F', 'use TerraformRunPhase.PLAN or TerraformRunPhase.APPLY'],
  ['hcp terraform: hostname with scheme', (s) => app(s).addFederatedCredential('F', Trust.terraformCloud({ organization: 'o', project: 'platform', workspace: 'w', runPhase: TerraformRunPhase.PLAN, hostname: 'https://tfe.contoso.com' })), 'bad/App/F', 'use "tfe.contoso.com"'],
  ['gitlab: project path without group', (s) => app(s).addFederatedCredential('F', Trust.gitlab({ projectPath: 'intune', refType: GitLabRefType.BRANCH, ref: 'main' })), 'bad/App/F', 'copy it from the project URL'],
  ['gitlab: trailing slash instance', (s) => app(s).addFederatedCredential('F', Trust.gitlab({ projectPath: 'a/b', refType: GitLabRefType.BRANCH, ref: 'main', instanceUrl: 'https://gitlab.com/' })), 'bad/App/F', 'use "https://gitlab.com"'],
  ['gitlab: unknown ref type', (s) => app(s).addFederatedCredential('F', Trust.gitlab({ projectPath: 'a/b', refType: 'mr' as GitLabRefType, ref: '1' })), 'bad/App/F', 'use GitLabRefType.BRANCH or GitLabRefType.TAG'],
  ['managed identity trust: principal not a GUID', (s) => app(s).addFederatedCredential('F', Trust.managedIdentity({ principalId: 'id-x', tenantId: TENANT_ID })), 'bad/App/F', 'pass the principal ID as a GUID'],
  ['managed identity trust on an identity', (s) => uami(s).addFederatedCredential('F', Trust.managedIdentity({ principalId: PRINCIPAL_ID, tenantId: TENANT_ID })), 'bad/Id/F', 'add this trust to the AppRegistration'],
  ['google: e-mail instead of unique ID', (s) => app(s).addFederatedCredential('F', Trust.google({ serviceAccountUniqueId: 'sa@p.iam.gserviceaccount.com' })), 'bad/App/F', 'gcloud iam service-accounts describe'],
  ['custom: empty subject', (s) => app(s).addFederatedCredential('F', Trust.custom({ issuer: 'https://idp.example', subject: '' })), 'bad/App/F', 'use the exact "sub" claim'],
  ['custom: wildcard subject', (s) => app(s).addFederatedCredential('F', Trust.custom({ issuer: 'https://idp.example', subject: 'job-*' })), 'bad/App/F', 'trust a pattern with a flexible credential, which only app registrations hold'],
  ['custom: two audiences', (s) => app(s).addFederatedCredential('F', Trust.custom({ issuer: 'https://idp.example', subject: 's', audience: 'a b' })), 'bad/App/F', 'usually "api://AzureADTokenExchange"'],
  ['credential: bad name', (s) => uami(s).addFederatedCredential('F', k8s('sa'), { name: '-x' }), 'bad/Id/F', 'or omit name to have one derived'],
  ['credential on a system-assigned identity', (s) => new FederatedCredential(s, 'F', { target: vm(s) as any, trust: k8s('sa') }), 'bad/F', 'create a UserAssignedIdentity'],
  ['duplicate issuer and subject', (s) => { const i = uami(s); i.addFederatedCredential('A', k8s('sa')); i.addFederatedCredential('B', k8s('sa'), { name: 'other' }); }, 'bad/Id', 'remove one of them'],
  ['duplicate credential names', (s) => { const i = uami(s); i.addFederatedCredential('A', k8s('a'), { name: 'same' }); i.addFederatedCredential('B', k8s('b'), { name: 'same' }); }, 'bad/Id', 'pass a different name to one of them'],
  // Flexible trusts
  ['flexible: no selector', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.githubActions({ owner: 'o', repository: 'r' })), 'bad/App/F', 'give exactly one of branchPattern, tagPattern, claimsMatchingExpression'],
  ['flexible: unsupported claim', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.githubActions({ owner: 'o', repository: 'r', claimsMatchingExpression: "claims['actor'] eq 'x'" })), 'bad/App/F', 'match on the supported claims only'],
  ['flexible: unknown operator', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.githubActions({ owner: 'o', repository: 'r', claimsMatchingExpression: "claims['sub'] eq 'a' or claims['sub'] eq 'b'" })), 'bad/App/F', 'combine comparisons with and'],
  ['flexible: Terraform Enterprise host', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.terraformCloud({ organization: 'o', project: 'platform', workspacePattern: '*', hostname: 'tfe.contoso.com' })), 'bad/App/F', 'use ordinary credentials (Trust.terraformCloudRunPhases)'],
  ['flexible: self-managed GitLab', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.gitlab({ projectPath: 'a/b', branchPattern: '*', instanceUrl: 'https://git.contoso.com' })), 'bad/App/F', 'use an ordinary credential (Trust.gitlab)'],
  ['flexible on a user-assigned identity', (s) => new FlexibleFederatedCredential(s, 'F', { target: uami(s) as any, trust: FlexibleTrust.githubActions({ owner: 'o', repository: 'r', branchPattern: '*' }) }), 'bad/F', 'add the flexible credential to an AppRegistration'],
  // Permissions
  ['graph: typo', (s) => uami(s).grantGraphAppRoles('G', ['User.Read.Al']), 'bad/Id/G', 'Did you mean "User.Read.All"'],
  ['graph: delegated-only name', (s) => uami(s).grantGraphAppRoles('G', ['User.Read']), 'bad/Id/G', 'grant an application permission instead'],
  ['graph: tier 0 without allowPrivileged', (s) => uami(s).grantGraphAppRoles('G', ['RoleManagement.ReadWrite.Directory']), 'bad/Id/G', 'pass allowPrivileged: true'],
  ['graph: no permissions', (s) => uami(s).grantGraphAppRoles('G', []), 'bad/Id/G', 'name the application permissions'],
  ['graph: granted twice', (s) => { const i = uami(s); i.grantGraphAppRoles('G', ['User.Read.All']); i.grantGraphAppRoles('H', ['User.Read.All']); }, 'bad/Id/H', 'remove one of the two: bad/Id/G permissions[0], or bad/Id/H permissions[0]'],
  ['grant: resource app not a GUID', (s) => new AppRoleGrant(s, 'G', { principal: vm(s), permissions: ['x'], resourceAppId: 'sharepoint' }), 'bad/G', 'WellKnownApp.AZURE_DEVOPS'],
  ['delegated grant: unknown scope', (s) => new DelegatedPermissionGrant(s, 'D', { principal: app(s), scopes: ['Usr.Read'] }), 'bad/D', 'check the spelling'],
  ['azure role: none given', (s) => uami(s).grantAzureRole('R', { armScope: `/subscriptions/${SUBSCRIPTION_ID}` }), 'bad/Id/R', 'give exactly one of roleDefinitionName'],
  ['azure role: scope is a name', (s) => uami(s).grantAzureRole('R', { armScope: 'rg-kv', roleDefinitionName: 'Reader' }), 'bad/Id/R', 'pass an ID such as /subscriptions/{id}/resourceGroups/{group}'],
  ['azure role: bare role GUID', (s) => uami(s).grantAzureRole('R', { armScope: `/subscriptions/${SUBSCRIPTION_ID}`, roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7' }), 'bad/Id/R', 'Microsoft.Authorization/roleDefinitions/acdd72a7'],
  // Providers
  ['workload identity with a system-assigned identity', (s) => new Microsoft365Provider(s, 'M', { auth: ProviderAuth.workloadIdentity({ identity: vm(s) }) }), 'bad/M', 'use ProviderAuth.managedIdentity for it'],
  ['managed identity for an app', (s) => new Microsoft365Provider(s, 'M', { auth: ProviderAuth.managedIdentity({ identity: app(s) }) }), 'bad/M', 'use ProviderAuth.workloadIdentity, githubActionsOidc or azureDevOpsOidc'],
  ['client ID and resource ID', (s) => new Microsoft365Provider(s, 'M', { auth: ProviderAuth.managedIdentity({ clientId: CLIENT_ID, resourceId: IDENTITY_RESOURCE_ID }) }), 'bad/M', 'give only clientId'],
  ['workload identity without client ID', (s) => new Microsoft365Provider(s, 'M', { auth: ProviderAuth.workloadIdentity({}) }), 'bad/M', 'pass clientId, or identity'],
  ['auth client ID not a GUID', (s) => new Microsoft365Provider(s, 'M', { auth: ProviderAuth.githubActionsOidc({ clientId: 'app' }) }), 'bad/M', 'pass the client ID as a GUID'],
  ['tenants disagree', (s) => new Microsoft365Provider(s, 'M', { tenantId: PRINCIPAL_ID, auth: ProviderAuth.managedIdentity({ identity: imported(s) }) }), 'bad/M', `use "${TENANT_ID}", or an identity of tenant "${PRINCIPAL_ID}"`],
  ['microsoft365: unknown cloud', (s) => new Microsoft365Provider(s, 'M', { auth: ProviderAuth.managedIdentity(), cloud: 'usgov' as any }), 'bad/M', 'use Microsoft365Cloud.PUBLIC, Microsoft365Cloud.DOD, Microsoft365Cloud.GCC, Microsoft365Cloud.GCC_HIGH, Microsoft365Cloud.CHINA, Microsoft365Cloud.EX or Microsoft365Cloud.RX'],
  ['microsoft365: tenant not a GUID', (s) => new Microsoft365Provider(s, 'M', { auth: ProviderAuth.managedIdentity(), tenantId: 'contoso' }), 'bad/M', 'pass the tenant ID as a GUID'],
  ['azuredevops: organization URL', (s) => new AzureDevOpsProvider(s, 'A', { orgServiceUrl: 'dev.azure.com/contoso', auth: ProviderAuth.managedIdentity() }), 'bad/A', 'use e.g. "https://dev.azure.com/contoso"'],
  ['azuredevops: resource ID', (s) => new AzureDevOpsProvider(s, 'A', { orgServiceUrl: ORG, auth: ProviderAuth.managedIdentity({ resourceId: IDENTITY_RESOURCE_ID }) }), 'bad/A', 'use ProviderAuth.managedIdentity({ clientId })'],
  ['azurerm: subscription not a GUID', (s) => AzureProviders.azurerm(s, 'Rm', { auth: ProviderAuth.managedIdentity(), subscriptionId: 'prod' }), 'bad/Rm', 'az account show --query id'],
  ['azuread: resource ID', (s) => AzureProviders.azuread(s, 'Ad', { auth: ProviderAuth.managedIdentity({ resourceId: IDENTITY_RESOURCE_ID }), tenantId: TENANT_ID }), 'bad/Ad', 'use ProviderAuth.managedIdentity({ clientId })'],
  ['azure devops access: unknown license', (s) => new AzureDevOpsAccess(s, 'Access', { principal: vm(s), license: 'basic' as any }), 'bad/Access', 'use AzureDevOpsLicense.BASIC'],
  // Workloads
  ['service account: namespace', (s) => new KubernetesServiceAccount(s, 'Sa', { namespace: 'Ns', name: 'sa', identity: imported(s) }), 'bad/Sa', 'e.g. "ns"'],
  ['service account: token lifetime', (s) => new KubernetesServiceAccount(s, 'Sa', { namespace: 'ns', name: 'sa', identity: imported(s), tokenExpirationSeconds: 100 }), 'bad/Sa', 'choose a value in that range'],
  ['service account: system-assigned identity', (s) => new KubernetesServiceAccount(s, 'Sa', { namespace: 'ns', name: 'sa', identity: vm(s) as any }), 'bad/Sa', 'use a UserAssignedIdentity or an AppRegistration'],
  ['workload: user-assigned without resource group', (s) => new KeylessWorkload(s, 'W', { name: 'w-id', tenantId: TENANT_ID, identityKind: WorkloadIdentityKind.USER_ASSIGNED }), 'bad/W', 'pass resourceGroupName and location'],
  ['workload: existing identity and identity kind', (s) => new KeylessWorkload(s, 'W', { name: 'w', tenantId: TENANT_ID, existingIdentity: vm(s), location: 'westeurope' }), 'bad/W', 'pass either existingIdentity or those properties'],
  ['workload: trusts on a system-assigned identity', (s) => new KeylessWorkload(s, 'W', { name: 'w', tenantId: TENANT_ID, existingIdentity: vm(s), trusts: [k8s('sa')] }), 'bad/W', 'drop trusts, or use another identity'],
  ['workload: tenant not a GUID', (s) => new KeylessWorkload(s, 'W', { name: 'w', tenantId: 'contoso' }), 'bad/W', 'pass the tenant ID as a GUID'],
  ['workload: app with no trust asked for a provider', (s) => new KeylessWorkload(s, 'W', { name: 'w', tenantId: TENANT_ID }).microsoft365Provider(s, 'M'), 'bad/W', 'pass runner (to the workload, or to this provider or environment call)'],
];

describe('bad input fails at synth with the construct path and the fix', () => {

  test.each(rows)('%s', (_what, build, path, fix) => {
    const error = thrownBy(() => synthBad(build));
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(path);
    expect(message).toContain(fix);
    if (ValidationError.isValidationError(error)) expect((error as ValidationError).constructPath).toBe(path);
  });
});

/**
 * The classes of input rules (one block per class): [what, build, construct path, value as the
 * message quotes it, the fix]. A missing value reads `(not given)`.
 */
type RuleRow = [string, (s: TerraformStack) => unknown, string, string, string];
const js = <T>(value: unknown) => value as T;
const NOT_GIVEN = '(not given)';
const NIL = '00000000-0000-0000-0000-000000000000';

const ruleRows: RuleRow[] = [
  // 1. Azure names
  ['resource group with a slash', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, resourceGroupName: 'rg/identity' }), 'bad/Id', '"rg/identity"', 'e.g. "rg-identity"'],
  ['resource group ending with a period', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, resourceGroupName: 'rg-identity.' }), 'bad/Id', '"rg-identity."', 'e.g. "rg-identity"'],
  ['resource group too long', (s) => UserAssignedIdentity.fromLookup(s, 'Id', { name: 'id-ok', resourceGroupName: 'r'.repeat(91) }), 'bad/Id', `"${'r'.repeat(91)}"`, `e.g. "${'r'.repeat(90)}"`],
  ['app display name over 256', (s) => new AppRegistration(s, 'App', { displayName: 'x'.repeat(257) }), 'bad/App', `"${'x'.repeat(257)}"`, 'shorten it'],
  ['credential name over 120', (s) => uami(s).addFederatedCredential('F', k8s('sa'), { name: 'n'.repeat(121) }), 'bad/Id/F', `"${'n'.repeat(121)}"`, 'or omit name to have one derived'],
  // 2. Plain JavaScript callers
  ['kubernetes trust with misspelled props', (s) => uami(s).addFederatedCredential('F', Trust.kubernetes(js({ issuer: AKS, ns: 'terraform', serviceAccountName: 'sa' }))), 'bad/Id/F', NOT_GIVEN, 'pass issuerUrl (the object has "issuer" instead)'],
  ['kubernetes trust without namespace', (s) => uami(s).addFederatedCredential('F', Trust.kubernetes(js({ issuerUrl: AKS, serviceAccountName: 'sa' }))), 'bad/Id/F', NOT_GIVEN, 'pass namespace'],
  ['grant with a string instead of a list', (s) => uami(s).grantGraphAppRoles('G', js('User.Read.All')), 'bad/Id/G', '"User.Read.All"', 'pass ["User.Read.All"]'],
  ['sign-in audience as a string', (s) => new AppRegistration(s, 'App', { displayName: 'x', signInAudience: js('SingleTenant') }), 'bad/App', '"SingleTenant"', 'use SignInAudience.SINGLE_TENANT'],
  ['identity without props', (s) => new UserAssignedIdentity(s, 'Id', js(undefined)), 'bad/Id', NOT_GIVEN, 'pass name'],
  ['provider without auth', (s) => new Microsoft365Provider(s, 'M', js({ tenantId: TENANT_ID })), 'bad/M', NOT_GIVEN, 'pass auth'],
  ['azuread without tenant', (s) => AzureProviders.azuread(s, 'Ad', js({ auth: ProviderAuth.managedIdentity({ clientId: CLIENT_ID }) })), 'bad/Ad', NOT_GIVEN, 'pass tenantId'],
  ['workload identity kind as a string', (s) => new KeylessWorkload(s, 'W', { name: 'w', tenantId: TENANT_ID, identityKind: js('UserAssigned') }), 'bad/W', NOT_GIVEN, 'pass resourceGroupName'],
  ['workload identity kind unknown', (s) => new KeylessWorkload(s, 'W', { name: 'w', tenantId: TENANT_ID, identityKind: js('Managed') }), 'bad/W', '"Managed"', 'use WorkloadIdentityKind.APP_REGISTRATION or WorkloadIdentityKind.USER_ASSIGNED'],
  ['role assignment without scope', (s) => uami(s).grantAzureRole('R', js({ roleDefinitionName: 'Reader' })), 'bad/Id/R', NOT_GIVEN, 'pass armScope'],
  // 3. Issuer URLs
  ['issuer with a query', (s) => app(s).addFederatedCredential('F', Trust.custom({ issuer: 'https://idp.example/?tenant=a', subject: 's' })), 'bad/App/F', '"https://idp.example/?tenant=a"', 'use "https://idp.example/"'],
  ['issuer with a fragment', (s) => uami(s).addFederatedCredential('F', Trust.kubernetes({ issuerUrl: `${AKS}#x`, namespace: 'a', serviceAccountName: 'b' })), 'bad/Id/F', `"${AKS}#x"`, `use "${AKS}"`],
  // 4. Subject components
  ['empty namespace', (s) => uami(s).addFederatedCredential('F', Trust.kubernetes({ issuerUrl: AKS, namespace: '', serviceAccountName: 'sa' })), 'bad/Id/F', '""', 'use the name as Kubernetes stores it'],
  ['empty GitHub environment', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', environment: ' ' })), 'bad/App/F', '" "', 'pass the environment exactly as the token carries it'],
  ['empty HCP organization', (s) => app(s).addFederatedCredential('F', Trust.terraformCloud({ organization: '', project: 'platform', workspace: 'w', runPhase: TerraformRunPhase.PLAN })), 'bad/App/F', '""', 'pass the organization exactly'],
  ['branch with a space', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'my branch' })), 'bad/App/F', '"my branch"', 'e.g. "my-branch"'],
  ['branch with ..', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'a..b' })), 'bad/App/F', '"a..b"', 'e.g. "a.b"'],
  ['tag ending with .lock', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', tag: 'v1.lock' })), 'bad/App/F', '"v1.lock"', 'e.g. "v1"'],
  ['branch ending with a slash', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'release/' })), 'bad/App/F', '"release/"', 'e.g. "release"'],
  ['GitLab ref as a full ref', (s) => app(s).addFederatedCredential('F', Trust.gitlab({ projectPath: 'a/b', refType: GitLabRefType.BRANCH, ref: 'refs/heads/main' })), 'bad/App/F', '"refs/heads/main"', 'use "main"'],
  ['GitLab project path as a URL', (s) => app(s).addFederatedCredential('F', Trust.gitlab({ projectPath: 'https://gitlab.com/group/app', refType: GitLabRefType.TAG, ref: 'v1' })), 'bad/App/F', '"https://gitlab.com/group/app"', 'use "group/app"'],
  ['HCP workspace with a space', (s) => app(s).addFederatedCredential('F', Trust.terraformCloud({ organization: 'o', project: 'platform', workspace: 'm365 prod', runPhase: TerraformRunPhase.APPLY })), 'bad/App/F', '"m365 prod"', 'use the workspace name exactly as HCP Terraform shows it'],
  ['HCP workspace over 90', (s) => app(s).addFederatedCredential('F', Trust.terraformCloud({ organization: 'o', project: 'platform', workspace: 'w'.repeat(91), runPhase: TerraformRunPhase.APPLY })), 'bad/App/F', `"${'w'.repeat(91)}"`, 'use the workspace name exactly'],
  ['GitHub owner over 39', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o'.repeat(40), repository: 'r', branch: 'main' })), 'bad/App/F', `"${'o'.repeat(40)}"`, 'give the bare owner name'],
  ['namespace over 63', (s) => uami(s).addFederatedCredential('F', Trust.kubernetes({ issuerUrl: AKS, namespace: 'n'.repeat(64), serviceAccountName: 'sa' })), 'bad/Id/F', `"${'n'.repeat(64)}"`, `e.g. "${'n'.repeat(63)}"`],
  // 5. Case
  // 6. One sign-in, one tenant
  ['service account tenant', (s) => new KubernetesServiceAccount(s, 'Sa', { namespace: 'ns', name: 'sa', identity: imported(s), tenantId: PRINCIPAL_ID }), 'bad/Sa', `"${PRINCIPAL_ID}"`, `use "${TENANT_ID}"`],
  ['workload tenant and existing identity', (s) => new KeylessWorkload(s, 'W', { name: 'w', tenantId: PRINCIPAL_ID, existingIdentity: imported(s) }), 'bad/W', `"${PRINCIPAL_ID}"`, `use "${TENANT_ID}"`],
  ['provider tenant and auth tenant', (s) => new Microsoft365Provider(s, 'M', { tenantId: PRINCIPAL_ID, auth: ProviderAuth.workloadIdentity({ clientId: CLIENT_ID, tenantId: TENANT_ID }) }), 'bad/M', `"${PRINCIPAL_ID}"`, `use "${TENANT_ID}" in both places`],
  ['azuread tenant and identity tenant', (s) => AzureProviders.azuread(s, 'Ad', { tenantId: PRINCIPAL_ID, auth: ProviderAuth.managedIdentity({ identity: imported(s) }) }), 'bad/Ad', `"${PRINCIPAL_ID}"`, `use "${TENANT_ID}"`],
  ['managed identity trust from another tenant', (s) => AppRegistration.fromAttributes(s, 'App', { objectId: PRINCIPAL_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID })
    .addFederatedCredential('F', Trust.managedIdentity({ principalId: PRINCIPAL_ID, tenantId: SUBSCRIPTION_ID })), 'bad/App/F', `"${SUBSCRIPTION_ID}"`, `use "${TENANT_ID}"`],
  // 7. Uniqueness as Azure sees it
  ['credential names differing in case', (s) => { const i = uami(s); i.addFederatedCredential('A', k8s('a'), { name: 'Deploy' }); i.addFederatedCredential('B', k8s('b'), { name: 'deploy' }); }, 'bad/Id', '"Deploy" and "deploy"', 'pass a different name to one of them'],
  ['two service accounts, one file', (s) => { const i = imported(s); new KubernetesServiceAccount(s, 'A', { namespace: 'ns', name: 'sa', identity: i }); new KubernetesServiceAccount(s, 'B', { namespace: 'ns', name: 'sa', identity: i }); }, 'bad/B', '"ns, sa"', 'define the service account once'],
  ['a permission listed twice in one grant', (s) => uami(s).grantGraphAppRoles('G', ['User.Read.All', 'Group.Read.All', 'User.Read.All']), 'bad/Id/G', '"User.Read.All"', 'remove one of the two: bad/Id/G permissions[0], or bad/Id/G permissions[2]'],
  // 8. FlexibleTrust runs the platform rules
  ['flexible: owner given as owner/repo', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.githubActions({ owner: 'contoso/infra', repository: 'infra', branchPattern: '*' })), 'bad/App/F', '"contoso/infra"', 'give the bare owner name'],
  ['flexible: GitLab path as a URL', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.gitlab({ projectPath: 'https://gitlab.com/a/b', branchPattern: '*' })), 'bad/App/F', '"https://gitlab.com/a/b"', 'use "a/b"'],
  ['flexible: unknown run phase', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.terraformCloud({ organization: 'o', project: 'platform', workspacePattern: '*', runPhase: js('destroy') })), 'bad/App/F', '"destroy"', 'use TerraformRunPhase.PLAN or TerraformRunPhase.APPLY'],
  ['flexible: pattern with refs/heads/', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.githubActions({ owner: 'o', repository: 'r', branchPattern: 'refs/heads/release/*' })), 'bad/App/F', '"refs/heads/release/*"', 'use "release/*"'],
  // 10. Role assignments and service connections
  ['role scope with trailing space', (s) => uami(s).grantAzureRole('R', { armScope: `/subscriptions/${SUBSCRIPTION_ID} `, roleDefinitionName: 'Reader' }), 'bad/Id/R', `"/subscriptions/${SUBSCRIPTION_ID} "`, `use "/subscriptions/${SUBSCRIPTION_ID}"`],
  ['role scope that is no ARM scope', (s) => uami(s).grantAzureRole('R', { armScope: `/subscriptions/${SUBSCRIPTION_ID}/rg`, roleDefinitionName: 'Reader' }), 'bad/Id/R', `"/subscriptions/${SUBSCRIPTION_ID}/rg"`, 'pass an ID such as /subscriptions/{id}/resourceGroups/{group}'],
  ['role name with leading space', (s) => uami(s).grantAzureRole('R', { armScope: `/subscriptions/${SUBSCRIPTION_ID}`, roleDefinitionName: ' Reader' }), 'bad/Id/R', '" Reader"', 'use "Reader"'],
  ['service connection ID not a GUID', (s) => new AzureDevOpsProvider(s, 'A', { orgServiceUrl: ORG, auth: ProviderAuth.azureDevOpsOidc({ clientId: CLIENT_ID, serviceConnectionId: 'my-connection' }) }), 'bad/A', '"my-connection"', 'az devops service-endpoint list'],
  // 11. Either-or options
  ['managed identity by identity and client ID', (s) => new AzureDevOpsProvider(s, 'A', { orgServiceUrl: ORG, auth: ProviderAuth.managedIdentity({ identity: imported(s), clientId: CLIENT_ID }) }), 'bad/A', `"bad/Id, ${CLIENT_ID}"`, 'give only identity'],
  // 15. Messages name the real rule and a fix that works
  ['wildcard on a user-assigned identity', (s) => uami(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'feature/*' })), 'bad/Id/F', '"repo:o/r:ref:refs/heads/feature/*"', 'which only app registrations hold'],
  // Round 2, 1. Plain JavaScript misuse: the shape the jsii types promise, at every entry point
  ['a number where a string belongs', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, name: js(42) }), 'bad/Id', '42', 'pass a string, e.g. "42"'],
  ['a Symbol where a string belongs', (s) => uami(s).addFederatedCredential('F', Trust.kubernetes({ issuerUrl: AKS, namespace: js(Symbol('ns')), serviceAccountName: 'sa' })), 'bad/Id/F', 'Symbol(ns)', 'pass a string'],
  ['undefined inside a list', (s) => uami(s).grantGraphAppRoles('G', js(['User.Read.All', undefined])), 'bad/Id/G', 'permissions[1] undefined', 'remove the entry at index 1, or give its value'],
  ['a FlexibleTrust where a Trust belongs', (s) => app(s).addFederatedCredential('F', js(FlexibleTrust.githubActions({ owner: 'o', repository: 'r', branchPattern: '*' }))), 'bad/App/F', 'a FlexibleTrust', 'add a FlexibleTrust with addFlexibleFederatedCredential'],
  ['a plain object instead of a Trust', (s) => new FederatedCredential(s, 'F', { target: app(s), trust: js({ issuer: 'https://idp.example', subject: 's', audience: 'a', description: '' }) }), 'bad/F', '{ issuer: "https://idp.example"', 'build one with a Trust factory'],
  ['a construct without its props object', (s) => new AppRoleGrant(s, 'G', js(undefined)), 'bad/G', NOT_GIVEN, 'pass principal'],
  ['a number given to a GraphPermissions lookup', () => GraphPermissions.appRoleId(js(42)), '', 'invalid name 42', 'pass a string, e.g. "42"'],
  ['undefined scope given to LeastPrivilege', () => LeastPrivilege.requiredBy(js(undefined)), '', NOT_GIVEN, 'pass scope'],
  ['a number as a construct id', (s) => new UserAssignedIdentity(s, js(7), uaProps), 'bad', 'invalid id 7', 'pass a string, e.g. "7"'],
  // Round 2, 2. Platform naming rules, with their sources
  ['Azure DevOps organization name with a dot', (s) => app(s).addFederatedCredential('F', Trust.azureDevOpsLegacy({ organizationId: TENANT_ID, organizationName: 'contoso.eu', projectName: 'p', serviceConnectionName: 'c' })), 'bad/App/F', '"contoso.eu"', 'use the name in https://dev.azure.com/{organization}'],
  ['Azure DevOps project name ending with a period', (s) => app(s).addFederatedCredential('F', Trust.azureDevOpsLegacy({ organizationId: TENANT_ID, organizationName: 'contoso', projectName: 'infra.', serviceConnectionName: 'c' })), 'bad/App/F', '"infra."', 'e.g. "infra"'],
  ['Azure DevOps project name with a forbidden character', (s) => app(s).addFederatedCredential('F', Trust.azureDevOpsLegacy({ organizationId: TENANT_ID, organizationName: 'contoso', projectName: 'infra#1', serviceConnectionName: 'c' })), 'bad/App/F', '"infra#1"', 'e.g. "infra-1"'],
  ['a tag name with a forbidden character', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, tags: { 'cost/center': 'x' } }), 'bad/Id', '"cost/center"', 'use a name such as "cost-center"'],
  ['a tag value over 256 characters', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, tags: { team: 'v'.repeat(257) } }), 'bad/Id', `"${'v'.repeat(257)}"`, 'shorten the value'],
  ['more than 50 tags', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'x'])) }), 'bad/Id', '"51 tags"', 'keep 50 tags or fewer'],
  ['Azure DevOps project name with "@" (Microsoft Learn, Project names)', (s) => app(s).addFederatedCredential('F', Trust.azureDevOpsLegacy({ organizationId: TENANT_ID, organizationName: 'contoso', projectName: 'infra@eu', serviceConnectionName: 'c' })), 'bad/App/F', '"infra@eu"', 'e.g. "infra-eu"'],
  ['Azure DevOps project name that is a reserved IIS segment', (s) => app(s).addFederatedCredential('F', Trust.azureDevOpsLegacy({ organizationId: TENANT_ID, organizationName: 'contoso', projectName: 'App_Data', serviceConnectionName: 'c' })), 'bad/App/F', '"App_Data"', 'choose another project name'],
  ['Azure DevOps organization name over 50 characters', (s) => app(s).addFederatedCredential('F', Trust.azureDevOpsLegacy({ organizationId: TENANT_ID, organizationName: 'c'.repeat(51), projectName: 'p', serviceConnectionName: 'c' })), 'bad/App/F', `"${'c'.repeat(51)}"`, 'use the name in https://dev.azure.com/{organization}'],
  ['HCP Terraform organization name with a dot', (s) => app(s).addFederatedCredential('F', Trust.terraformCloud({ organization: 'contoso.eu', project: 'Default Project', workspace: 'w', runPhase: TerraformRunPhase.PLAN })), 'bad/App/F', '"contoso.eu"', "use the organization's name as it appears in https://app.terraform.io/app/{organization}"],
  ['HCP Terraform project name of two characters', (s) => app(s).addFederatedCredential('F', Trust.terraformCloud({ organization: 'contoso', project: 'pr', workspace: 'w', runPhase: TerraformRunPhase.PLAN })), 'bad/App/F', '"pr"', "use the project's name exactly as HCP Terraform shows it"],
  ['HCP Terraform project name with a slash (flexible)', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.terraformCloud({ organization: 'contoso', project: 'infra/eu', workspacePattern: '*' })), 'bad/App/F', '"infra/eu"', "use the project's name exactly as HCP Terraform shows it"],
  ['GitHub environment name over 255 characters', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', environment: 'e'.repeat(256) })), 'bad/App/F', `"${'e'.repeat(256)}"`, 'shorten it'],
  ['GitLab project path ending in .git', (s) => app(s).addFederatedCredential('F', Trust.gitlab({ projectPath: 'group/infra.git', refType: GitLabRefType.BRANCH, ref: 'main' })), 'bad/App/F', '"group/infra.git"', 'use "group/infra"'],
  ['GitLab project path ending in .atom (flexible)', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.gitlab({ projectPath: 'group/feed.atom', branchPattern: '*' })), 'bad/App/F', '"group/feed.atom"', 'use "group/feed"'],
  ['GitLab group path starting with "-"', (s) => app(s).addFederatedCredential('F', Trust.gitlab({ projectPath: '-group/infra', refType: GitLabRefType.BRANCH, ref: 'main' })), 'bad/App/F', '"-group/infra"', "copy the path from the project's URL"],
  ['identity name inside an imported resource ID', (s) => UserAssignedIdentity.fromAttributes(s, 'Id', { ...attrs, resourceId: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id.ci` }), 'bad/Id', 'userAssignedIdentities/id.ci"', 'az identity show -g GROUP -n NAME --query id'],
  ['a custom trust description over 600 characters', (s) => app(s).addFederatedCredential('F', Trust.custom({ issuer: 'https://idp.example', subject: 's', description: 'd'.repeat(601) })), 'bad/App/F', `"${'d'.repeat(601)}"`, 'at most 600 characters'],
  ['an app registration description over 1,024 characters', (s) => new AppRegistration(s, 'App', { displayName: 'x', description: 'd'.repeat(1025) }), 'bad/App', `"${'d'.repeat(1025)}"`, 'at most 1,024 characters'],
  // Round 2, 3. Derived names: distinct inputs, distinct names; names that differ only in case still collide, with an error
  ['derived names differing only in case', (s) => { const a = app(s); a.addFederatedCredential('A', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'Release' })); a.addFederatedCredential('B', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'release' })); }, 'bad/App', '"github-o-r-branch-Release" and "github-o-r-branch-release"', 'pass a different name to one of them'],
  // Round 2, 4. The value as given
  ['pullRequest as the string "false"', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', pullRequest: js('false') })), 'bad/App/F', 'invalid pullRequest "false"', 'pass false without quotes'],
  ['tokenExpirationSeconds as a string', (s) => new KubernetesServiceAccount(s, 'Sa', { namespace: 'ns', name: 'sa', identity: imported(s), tokenExpirationSeconds: js('3600') }), 'bad/Sa', 'invalid tokenExpirationSeconds "3600"', 'pass 3600 without quotes'],
  // Round 2, 5. GUIDs
  ['the nil GUID as a tenant', (s) => SystemAssignedIdentity.fromPrincipalId(s, 'Vm', { principalId: PRINCIPAL_ID, tenantId: NIL }), 'bad/Vm', `"${NIL}"`, 'pass the real tenant ID'],
  ['the nil GUID as a client ID', (s) => new Microsoft365Provider(s, 'M', { auth: ProviderAuth.githubActionsOidc({ clientId: NIL }) }), 'bad/M', `"${NIL}"`, 'pass the real client ID'],
  ['the nil GUID as a principal ID', (s) => app(s).addFederatedCredential('F', Trust.managedIdentity({ principalId: NIL, tenantId: TENANT_ID })), 'bad/App/F', `"${NIL}"`, 'pass the real principal ID'],
  ['a role GUID as a role name', (s) => uami(s).grantAzureRole('R', { armScope: `/subscriptions/${SUBSCRIPTION_ID}`, roleDefinitionName: 'ACDD72A7-3385-48EF-BD42-F606FBA81AE7' }), 'bad/Id/R', '"ACDD72A7-3385-48EF-BD42-F606FBA81AE7"', 'pass roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"'],
  ['an Entra issuer with a legacy sc:// subject', (s) => app(s).addFederatedCredential('F', Trust.azureDevOps({ issuerUrl: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, subject: 'sc://contoso/infra/prod' })), 'bad/App/F', '"sc://contoso/infra/prod"', "copy the connection's workload_identity_federation_subject"],
  ['managed identity trust in a user-assigned workload', (s) => new KeylessWorkload(s, 'W', { name: 'w-id', tenantId: TENANT_ID, identityKind: WorkloadIdentityKind.USER_ASSIGNED, resourceGroupName: 'rg', location: 'westeurope', trusts: [Trust.managedIdentity({ principalId: PRINCIPAL_ID, tenantId: TENANT_ID })] }), 'bad/W/Identity', `"ManagedIdentity ${PRINCIPAL_ID}"`, 'use identityKind: WorkloadIdentityKind.APP_REGISTRATION'],
];

describe('each class of input rule fails at synth with the construct path, the value and the fix', () => {
  test.each(ruleRows)('%s', (_what, build, path, value, fix) => {
    const error = thrownBy(() => synthBad(build));
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(path);
    expect(message).toContain(value);
    expect(message).toContain(fix);
  });
});

test('privilegeTier of an unknown name is an error with a suggestion, never a tier', () => {
  expect(() => GraphPermissions.privilegeTier('User.Read.Al')).toThrow(/invalid permission "User.Read.Al": .*Did you mean "User.Read.All"/);
  expect(GraphPermissions.privilegeTier('User.Read.All')).toBe('Tier 2');
});

test('a managed identity\'s principal ID is written lower-case in the subject, as Entra writes it', () => {
  expect(Trust.managedIdentity({ principalId: PRINCIPAL_ID.toUpperCase(), tenantId: TENANT_ID }).subject).toBe(PRINCIPAL_ID);
});

test('GUIDs are written lower-case wherever the library writes them', () => {
  const tenant = 'aaaaaaaa-1111-4bbb-8ccc-dddddddddddd';
  const client = 'bbbbbbbb-2222-4ccc-8ddd-eeeeeeeeeeee';
  const principal = 'cccccccc-3333-4ddd-8eee-ffffffffffff';
  const upper = (guid: string) => guid.toUpperCase();
  expect(Trust.managedIdentity({ principalId: principal, tenantId: upper(tenant) }).issuer).toBe(`https://login.microsoftonline.com/${tenant}/v2.0`);
  const s = new TerraformStack(Testing.app(), 'guids');
  addProviders(s);
  const vmIdentity = SystemAssignedIdentity.fromPrincipalId(s, 'Vm', { principalId: upper(principal), tenantId: upper(tenant) });
  const id = UserAssignedIdentity.fromAttributes(s, 'Id', { resourceId: IDENTITY_RESOURCE_ID, clientId: upper(client), principalId: upper(principal), tenantId: upper(tenant) });
  vmIdentity.grantAzureRole('R', { armScope: `/subscriptions/${SUBSCRIPTION_ID}`, roleDefinitionName: 'Reader' });
  id.grantGraphAppRoles('G', ['User.Read.All']);
  new Microsoft365Provider(s, 'M', { auth: ProviderAuth.workloadIdentity({ identity: id }) });
  const app2 = AppRegistration.fromAttributes(s, 'App', { objectId: upper(principal), clientId: upper(client), principalId: upper(principal), tenantId: upper(tenant) });
  app2.addFederatedCredential('Mi', Trust.managedIdentity({ principalId: upper(principal), tenantId: upper(tenant) }));
  const json = Testing.synth(s, true);
  for (const guid of [tenant, client, principal]) expect(json).not.toContain(upper(guid));
  expect(json).toContain(principal);
  expect(json).toContain(client);
});

/** Values only Terraform knows: references, variables and functions. Each must be accepted. */
const token = () => Fn.lower(Fn.trimspace('X'));
const tokenRows: Array<[string, (s: TerraformStack) => unknown]> = [
  ['identity name', (s) => new UserAssignedIdentity(s, 'Id', { ...uaProps, name: token() })],
  ['identity resource group and location', (s) => new UserAssignedIdentity(s, 'Id', { name: 'id-ok', resourceGroupName: token(), location: token() })],
  ['imported resource ID', (s) => UserAssignedIdentity.fromAttributes(s, 'Id', { ...attrs, resourceId: token() })],
  ['imported client, principal and tenant IDs', (s) => UserAssignedIdentity.fromAttributes(s, 'Id', { ...attrs, clientId: token(), principalId: token(), tenantId: token() })],
  ['lookup name', (s) => UserAssignedIdentity.fromLookup(s, 'Id', { name: token(), resourceGroupName: token() })],
  ['imported app IDs', (s) => AppRegistration.fromAttributes(s, 'App', { objectId: token(), clientId: token(), principalId: token(), tenantId: token() })],
  ['system-assigned IDs', (s) => SystemAssignedIdentity.fromPrincipalId(s, 'Vm', { principalId: token(), tenantId: token() })],
  ['app display name and owners', (s) => new AppRegistration(s, 'App', { displayName: token(), owners: [token()] })],
  ['kubernetes issuer', (s) => uami(s).addFederatedCredential('F', Trust.kubernetes({ issuerUrl: token(), namespace: 'a', serviceAccountName: 'b' }))],
  ['kubernetes namespace and name', (s) => uami(s).addFederatedCredential('F', Trust.kubernetes({ issuerUrl: AKS, namespace: token(), serviceAccountName: token() }))],
  ['github owner, repository and environment', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: token(), repository: token(), environment: token() }))],
  ['github immutable IDs', (s) => app(s).addFederatedCredential('F', Trust.githubActions({ owner: 'o', repository: 'r', branch: 'main', ownerId: token(), repositoryId: token() }))],
  ['azure devops issuer and subject', (s) => app(s).addFederatedCredential('F', Trust.azureDevOps({ issuerUrl: token(), subject: token() }))],
  ['azure devops legacy organization ID', (s) => app(s).addFederatedCredential('F', Trust.azureDevOpsLegacy({ organizationId: token(), organizationName: 'o', projectName: 'p', serviceConnectionName: 's' }))],
  ['hcp terraform names', (s) => app(s).addFederatedCredential('F', Trust.terraformCloud({ organization: token(), project: token(), workspace: token(), runPhase: TerraformRunPhase.APPLY }))],
  ['managed identity trust', (s) => app(s).addFederatedCredential('F', Trust.managedIdentity({ principalId: uami(s).principalId, tenantId: token() }))],
  ['custom issuer, subject and audience', (s) => app(s).addFederatedCredential('F', Trust.custom({ issuer: token(), subject: token(), audience: token() }))],
  ['credential name', (s) => uami(s).addFederatedCredential('F', k8s('sa'), { name: token() })],
  ['flexible expression', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.githubActions({ owner: 'o', repository: 'r', claimsMatchingExpression: token() }))],
  ['grant principal and resource app', (s) => new AppRoleGrant(s, 'G', { principal: vm(s), permissions: ['Read'], resourceAppId: token() })],
  ['azure role scope and name', (s) => uami(s).grantAzureRole('R', { armScope: token(), roleDefinitionName: token() })],
  ['provider auth client and tenant', (s) => new Microsoft365Provider(s, 'M', { tenantId: token(), auth: ProviderAuth.workloadIdentity({ clientId: token(), tokenFilePath: token() }) })],
  ['azuredevops URL and service connection', (s) => new AzureDevOpsProvider(s, 'A', { orgServiceUrl: token(), auth: ProviderAuth.azureDevOpsOidc({ clientId: token(), tenantId: token(), serviceConnectionId: token() }) })],
  ['azurerm subscription', (s) => AzureProviders.azurerm(s, 'Rm', { auth: ProviderAuth.managedIdentity({ clientId: token() }), subscriptionId: token(), tenantId: token(), alias: 'rm' })],
  ['service account tenant', (s) => new KubernetesServiceAccount(s, 'Sa', { namespace: 'ns', name: 'sa', identity: imported(s), tenantId: token() })],
  ['workload tenant', (s) => new KeylessWorkload(s, 'W', { name: token(), tenantId: token(), trusts: [k8s('sa')] })],
  ['app owners from a list variable', (s) => new AppRegistration(s, 'App', { displayName: 'ok', owners: Token.asList(new TerraformVariable(s, 'owners', { type: 'list(string)' }).value) })],
  ['another API\'s app role named by a variable', (s) => new AppRoleGrant(s, 'G', { principal: vm(s), permissions: [new TerraformVariable(s, 'role', { type: 'string' }).stringValue], resourceAppId: WellKnownApp.SHAREPOINT_ONLINE })],
  ['Graph permissions from a list variable', (s) => uami(s).grantGraphAppRoles('G', Token.asList(new TerraformVariable(s, 'roles', { type: 'list(string)' }).value))],
  ['service account namespace and name', (s) => new KubernetesServiceAccount(s, 'Sa', { namespace: token(), name: token(), identity: imported(s) })],
  ['resource group of a lookup', (s) => UserAssignedIdentity.fromLookup(s, 'Id', { name: 'id-ok', resourceGroupName: token() })],
  ['role scope from a variable', (s) => uami(s).grantAzureRole('R', { armScope: new TerraformVariable(s, 'scope', { type: 'string' }).stringValue, roleDefinitionName: 'Reader' })],
  ['github IDs and flexible names', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.githubActions({ owner: token(), repository: token(), ownerId: token(), repositoryId: token(), branchPattern: token() }))],
  ['gitlab ref and path', (s) => app(s).addFederatedCredential('F', Trust.gitlab({ projectPath: token(), refType: GitLabRefType.BRANCH, ref: token() }))],
  ['azure devops legacy organization and project names', (s) => app(s).addFederatedCredential('F', Trust.azureDevOpsLegacy({ organizationId: TENANT_ID, organizationName: token(), projectName: token(), serviceConnectionName: token() }))],
  ['hcp terraform organization and project of a flexible trust', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.terraformCloud({ organization: token(), project: token(), workspacePattern: '*' }))],
  ['gitlab path of a flexible trust', (s) => app(s).addFlexibleFederatedCredential('F', FlexibleTrust.gitlab({ projectPath: token(), branchPattern: '*' }))],
  ['custom trust description and app description', (s) => { new AppRegistration(s, 'App', { displayName: 'ok', description: token() }).addFederatedCredential('F', Trust.custom({ issuer: 'https://idp.example', subject: 's', description: token() })); }],
];

describe('values only Terraform knows are never rejected', () => {

  test.each(tokenRows)('%s', (_what, build) => {
    const stack = new TerraformStack(Testing.app(), 'tokens');
    addProviders(stack);
    build(stack);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});
