import { Fn } from 'cdktf';
import { EntraCloud, FlexibleTrust, GitLabRefType, TerraformRunPhase, Trust, TrustPlatform } from '../../src';
import { PRINCIPAL_ID, TENANT_ID, reportOf } from '../util';

const AKS_ISSUER = `https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/9b1ec3a4-0000-4c2e-8a8e-3f5b7c9d1e2f/`;
const problemsOf = (trust: Trust) => reportOf(trust).problems;

describe('Trust.kubernetes', () => {
  // Subject and audience: Azure/azure-workload-identity pkg/cmd/serviceaccount/util/util.go
  // (GetFederatedCredentialSubject) and pkg/webhook/consts.go (DefaultAudience); AKS issuer shape
  // with its trailing slash: MicrosoftDocs/azure-aks-docs articles/aks/use-oidc-issuer.md.
  test('system:serviceaccount subject and the token exchange audience', () => {
    const trust = Trust.kubernetes({ issuerUrl: AKS_ISSUER, namespace: 'terraform-m365', serviceAccountName: 'terraform-m365-sa' });
    expect(trust.platform).toBe(TrustPlatform.KUBERNETES);
    expect(trust.issuer).toBe(AKS_ISSUER);
    expect(trust.subject).toBe('system:serviceaccount:terraform-m365:terraform-m365-sa');
    expect(trust.audience).toBe('api://AzureADTokenExchange');
    expect(reportOf(trust).problems).toEqual([]);
    expect(reportOf(trust).warnings).toEqual([]);
  });

  test.each([
    ['namespace', 'Terraform', 'DNS-1123 label'],
    ['namespace', 'a_b', 'DNS-1123 label'],
    ['namespace', 'a'.repeat(64), 'DNS-1123 label'],
    ['serviceAccountName', 'Runner', 'DNS-1123 subdomain'],
    ['serviceAccountName', 'runner-', 'DNS-1123 subdomain'],
  ])('rejects %s %j', (key, value, message) => {
    const trust = Trust.kubernetes({ issuerUrl: AKS_ISSUER, namespace: 'ns', serviceAccountName: 'sa', [key]: value });
    expect(problemsOf(trust)).toEqual([expect.stringContaining(`${key}: a Kubernetes`)]);
    expect(problemsOf(trust)[0]).toContain(message);
  });

  // Azure/azure-workload-identity#1700: a credential without the AKS issuer's trailing slash no longer matches.
  test('refuses a literal AKS issuer without its trailing slash, with the corrected URL as the fix', () => {
    const report = reportOf(Trust.kubernetes({ issuerUrl: AKS_ISSUER.replace(/\/$/, ''), namespace: 'ns', serviceAccountName: 'sa' }));
    expect(report.problems).toEqual([expect.stringMatching(/^issuerUrl: AKS issuers end with "\/"/)]);
    expect(report.fixes).toEqual([expect.stringContaining(`use "${AKS_ISSUER}"`)]);
  });

  test('a token issuer is neither checked nor warned about', () => {
    const trust = Trust.kubernetes({ issuerUrl: Fn.lower('X'), namespace: 'ns', serviceAccountName: 'sa' });
    expect(reportOf(trust).problems).toEqual([]);
    expect(reportOf(trust).warnings).toEqual([]);
  });
});

describe('Trust.githubActions', () => {
  // Subjects, issuer and the %3A escaping: github/docs content/actions/reference/security/oidc.md.
  // pull_request (underscore): Azure/login#178. Immutable IDs: the same GitHub page.
  const repo = { owner: 'contoso', repository: 'intune-config' };

  test.each([
    [{ environment: 'Production' }, 'repo:contoso/intune-config:environment:Production'],
    [{ branch: 'main' }, 'repo:contoso/intune-config:ref:refs/heads/main'],
    [{ tag: 'v1.2.0' }, 'repo:contoso/intune-config:ref:refs/tags/v1.2.0'],
    [{ pullRequest: true }, 'repo:contoso/intune-config:pull_request'],
    [{ environment: 'Production:V1' }, 'repo:contoso/intune-config:environment:Production%3AV1'],
    [{ environment: 'eu:prod' }, 'repo:contoso/intune-config:environment:eu%3Aprod'],
    [{ environment: 'prod', ownerId: '123456', repositoryId: '456789' }, 'repo:contoso@123456/intune-config@456789:environment:prod'],
  ])('%j gives the subject %s', (selector, subject) => {
    const trust = Trust.githubActions({ ...repo, ...selector });
    expect(trust.subject).toBe(subject);
    expect(trust.issuer).toBe('https://token.actions.githubusercontent.com');
    expect(trust.audience).toBe('api://AzureADTokenExchange');
    expect(reportOf(trust).problems).toEqual([]);
  });

  const ids = { ownerId: '123456', repositoryId: '456789' };

  test('a pull_request trust warns that any PR author gets the permissions', () => {
    expect(reportOf(Trust.githubActions({ ...repo, ...ids, pullRequest: true })).warnings).toEqual([expect.stringContaining('anyone who can open a pull request')]);
    expect(reportOf(Trust.githubActions({ ...repo, ...ids, branch: 'main' })).warnings).toEqual([]);
  });

  // GitHub docs, "OpenID Connect", immutable subject claims (github/docs#45221): repo:octocat@123456/my-repo@456789:ref:refs/heads/main.
  test('the immutable subject appends each ID after "@"; a name-only trust on github.com warns with the command that prints them', () => {
    expect(Trust.githubActions({ owner: 'octocat', repository: 'my-repo', ...ids, branch: 'main' }).subject).toBe('repo:octocat@123456/my-repo@456789:ref:refs/heads/main');
    expect(reportOf(Trust.githubActions({ ...repo, branch: 'main' })).warnings)
      .toEqual([expect.stringContaining('gh api repos/contoso/intune-config --jq ".owner.id, .id"')]);
    expect(reportOf(Trust.githubActions({ ...repo, branch: 'main', issuerUrl: 'https://token.actions.githubusercontent.com/contoso' })).warnings).toHaveLength(1);
  });

  test('no immutable-subject warning for a GitHub Enterprise Server issuer, which has no such form', () => {
    expect(reportOf(Trust.githubActions({ ...repo, branch: 'main', issuerUrl: 'https://github.contoso.com/_services/token' })).warnings).toEqual([]);
  });

  test('flexible GitHub trusts take the IDs too', () => {
    expect(FlexibleTrust.githubActions({ owner: 'octocat', repository: 'my-repo', ...ids, branchPattern: 'release/*' }).claimsMatchingExpression)
      .toBe("claims['sub'] matches 'repo:octocat@123456/my-repo@456789:ref:refs/heads/release/*'");
    expect(reportOf(FlexibleTrust.githubActions({ ...repo, ownerId: '1', branchPattern: '*' })).problems)
      .toEqual(['ownerId: the immutable subject needs both the owner ID and the repository ID']);
  });

  test('an enterprise issuer is accepted, without a trailing slash only', () => {
    expect(Trust.githubActions({ ...repo, branch: 'main', issuerUrl: 'https://ghes.contoso.com/_services/token' }).issuer)
      .toBe('https://ghes.contoso.com/_services/token');
    expect(problemsOf(Trust.githubActions({ ...repo, branch: 'main', issuerUrl: 'https://token.actions.githubusercontent.com/' })))
      .toEqual(['issuerUrl: GitHub issuers have no trailing slash, so this one would never match the token\'s "iss" (AADSTS70021)']);
  });

  test.each([
    [{}, 'needs a selector'],
    [{ branch: 'main', environment: 'prod' }, 'exactly one selector'],
    [{ tag: 'v1', pullRequest: true }, 'exactly one selector'],
    [{ branch: 'refs/heads/main' }, 'give the bare name'],
    [{ branch: 'release/*' }, '"*" and "?" are not wildcards'],
    [{ tag: 'v?' }, '"*" and "?" are not wildcards'],
    [{ branch: 'main', ownerId: '1' }, 'needs both the owner ID and the repository ID'],
    [{ branch: 'main', ownerId: 'contoso', repositoryId: '1' }, 'GitHub IDs are numbers'],
    [{ branch: 'main', owner: 'https://github.com/contoso' }, 'a GitHub owner name'],
    [{ branch: 'main', repository: 'contoso/intune-config' }, 'a GitHub repository name'],
  ])('rejects %j', (props, message) => {
    expect(problemsOf(Trust.githubActions({ ...repo, ...props })).join('\n')).toContain(message);
  });

  test('a wildcard points to flexible credentials', () => {
    const [fix] = reportOf(Trust.githubActions({ ...repo, branch: 'release/*' })).fixes;
    expect(fix).toContain('FlexibleTrust.githubActions');
  });
});

describe('Trust.azureDevOps', () => {
  // MicrosoftDocs/azure-devops-docs docs/pipelines/release/troubleshoot-workload-identity.md
  test('takes the issuer and subject from the service connection', () => {
    const trust = Trust.azureDevOps({ issuerUrl: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, subject: '/eid1/c/pub/t/abc/a/def/sc/org/sc' });
    expect(trust.issuer).toBe(`https://login.microsoftonline.com/${TENANT_ID}/v2.0`);
    expect(trust.subject).toBe('/eid1/c/pub/t/abc/a/def/sc/org/sc');
    expect(trust.audience).toBe('api://AzureADTokenExchange');
  });

  test('legacy: issuer by organization ID, subject sc://org/project/connection, with a retirement warning', () => {
    const trust = Trust.azureDevOpsLegacy({ organizationId: TENANT_ID, organizationName: 'contoso', projectName: 'Platform', serviceConnectionName: 'm365' });
    expect(trust.issuer).toBe(`https://vstoken.dev.azure.com/${TENANT_ID}`);
    expect(trust.subject).toBe('sc://contoso/Platform/m365');
    expect(reportOf(trust).warnings).toEqual([expect.stringContaining('retires on 1 July 2027')]);
  });

  test('legacy: an organization name where the ID belongs is an error that says so', () => {
    const trust = Trust.azureDevOpsLegacy({ organizationId: 'contoso', organizationName: 'contoso', projectName: 'p', serviceConnectionName: 's' });
    expect(reportOf(trust).fixes[0]).toContain("the issuer takes the organization's ID, not its name");
  });
});

describe('Trust.terraformCloud', () => {
  // hashicorp/terraform-docs-common cloud-docs/workspaces/dynamic-provider-credentials/azure-configuration.mdx
  test('subject per run phase, issuer without trailing slash', () => {
    const trust = Trust.terraformCloud({ organization: 'contoso', project: 'Default Project', workspace: 'm365', runPhase: TerraformRunPhase.APPLY });
    expect(trust.issuer).toBe('https://app.terraform.io');
    expect(trust.subject).toBe('organization:contoso:project:Default Project:workspace:m365:run_phase:apply');
    expect(trust.audience).toBe('api://AzureADTokenExchange');
    expect(reportOf(trust).problems).toEqual([]);
  });

  test('run phases come as a plan and apply pair', () => {
    const [plan, apply] = Trust.terraformCloudRunPhases({ organization: 'o', project: 'p', workspace: 'w', hostname: 'tfe.contoso.com' });
    expect(plan.subject).toMatch(/:run_phase:plan$/);
    expect(apply.subject).toMatch(/:run_phase:apply$/);
    expect(plan.issuer).toBe('https://tfe.contoso.com');
  });

  test.each([
    [{ runPhase: 'destroy' }, 'run_phase plan or apply'],
    [{ hostname: 'https://tfe.contoso.com/' }, 'give the bare hostname'],
  ])('rejects %j', (props, message) => {
    const trust = Trust.terraformCloud({ organization: 'o', project: 'p', workspace: 'w', runPhase: TerraformRunPhase.PLAN, ...props as any });
    expect(problemsOf(trust).join('\n')).toContain(message);
  });
});

describe('Trust.gitlab', () => {
  // gitlabhq/gitlabhq doc/ci/cloud_services/azure/_index.md: subject shape and the instance URL as audience.
  test('project_path subject; audience defaults to the instance URL', () => {
    const trust = Trust.gitlab({ projectPath: 'platform/intune', refType: GitLabRefType.BRANCH, ref: 'main' });
    expect(trust.issuer).toBe('https://gitlab.com');
    expect(trust.subject).toBe('project_path:platform/intune:ref_type:branch:ref:main');
    expect(trust.audience).toBe('https://gitlab.com');
  });

  test('self-managed instance and custom audience', () => {
    const trust = Trust.gitlab({ projectPath: 'a/b', refType: GitLabRefType.TAG, ref: 'v1', instanceUrl: 'https://git.contoso.com', audience: 'api://AzureADTokenExchange' });
    expect(trust.issuer).toBe('https://git.contoso.com');
    expect(trust.subject).toBe('project_path:a/b:ref_type:tag:ref:v1');
    expect(trust.audience).toBe('api://AzureADTokenExchange');
  });

  test.each([
    [{ projectPath: 'intune' }, 'full "group/project" path'],
    [{ instanceUrl: 'https://gitlab.com/' }, 'GitLab issuers have no trailing slash'],
    [{ refType: 'commit' }, 'ref_type branch or tag'],
  ])('rejects %j', (props, message) => {
    const trust = Trust.gitlab({ projectPath: 'a/b', refType: GitLabRefType.BRANCH, ref: 'main', ...props as any });
    expect(problemsOf(trust).join('\n')).toContain(message);
  });
});

describe('Trust.managedIdentity', () => {
  // MicrosoftDocs/entra-docs docs/workload-id/workload-identity-federation-config-app-trust-managed-identity.md
  test.each([
    [undefined, `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, 'api://AzureADTokenExchange'],
    [EntraCloud.US_GOVERNMENT, `https://login.microsoftonline.us/${TENANT_ID}/v2.0`, 'api://AzureADTokenExchangeUSGov'],
    [EntraCloud.CHINA, `https://login.partner.microsoftonline.cn/${TENANT_ID}/v2.0`, 'api://AzureADTokenExchangeChina'],
  ])('cloud %s', (cloud, issuer, audience) => {
    const trust = Trust.managedIdentity({ principalId: PRINCIPAL_ID, tenantId: TENANT_ID, cloud });
    expect(trust.issuer).toBe(issuer);
    expect(trust.subject).toBe(PRINCIPAL_ID);
    expect(trust.audience).toBe(audience);
  });

  test('rejects non-GUID IDs', () => {
    expect(problemsOf(Trust.managedIdentity({ principalId: 'id-intune', tenantId: 'contoso' }))).toEqual([
      'principalId: principal ID must be a GUID', 'tenantId: tenant ID must be a GUID',
    ]);
  });
});

describe('Trust.google and Trust.custom', () => {
  // MicrosoftDocs/entra-docs docs/workload-id/workload-identity-federation-google-cloud.md
  test('google: accounts.google.com and the numeric unique ID', () => {
    const trust = Trust.google({ serviceAccountUniqueId: '113045678901234567890' });
    expect([trust.issuer, trust.subject, trust.audience]).toEqual(['https://accounts.google.com', '113045678901234567890', 'api://AzureADTokenExchange']);
    expect(problemsOf(Trust.google({ serviceAccountUniqueId: 'sa@p.iam.gserviceaccount.com' }))[0]).toContain('numeric unique ID');
  });

  test('custom: as given, audience defaulted', () => {
    const trust = Trust.custom({ issuer: 'https://idp.contoso.com', subject: 'job-42' });
    expect([trust.issuer, trust.subject, trust.audience]).toEqual(['https://idp.contoso.com', 'job-42', 'api://AzureADTokenExchange']);
  });

  test.each([
    [{ issuer: 'http://idp.contoso.com' }, 'issuer: an issuer must be an https URL'],
    [{ issuer: ' https://idp.contoso.com' }, 'issuer: an issuer must not contain whitespace'],
    [{ issuer: `https://idp.contoso.com/${'x'.repeat(600)}` }, 'at most 600 characters'],
    [{ subject: '' }, 'subject: a subject must not be empty'],
    [{ subject: 'job ' }, 'must not start or end with whitespace'],
    [{ subject: 'job-*' }, 'not wildcards'],
    [{ audience: '' }, 'audience: a federated credential takes exactly one audience'],
    [{ audience: 'api://a,api://b' }, 'exactly one audience'],
  ])('rejects %j', (props, message) => {
    const trust = Trust.custom({ issuer: 'https://idp.contoso.com', subject: 'job', ...props });
    expect(problemsOf(trust).join('\n')).toContain(message);
  });
});

test('a custom GitHub trust with pull-request (hyphen) is refused with the fix', () => {
  const trust = Trust.custom({ issuer: 'https://token.actions.githubusercontent.com', subject: 'repo:contoso/infra:pull-request' });
  const report = reportOf(trust);
  expect(report.problems).toEqual(['subject: GitHub writes pull_request with an underscore, so this subject never matches']);
  expect(report.fixes[0]).toContain('"repo:contoso/infra:pull_request"');
});
