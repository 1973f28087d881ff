import { Testing } from 'cdktf';
import { ApplicationFlexibleFederatedIdentityCredential } from '@cdktf/provider-azuread/lib/application-flexible-federated-identity-credential';
import { AppRegistration, FlexibleFederatedCredential, FlexibleTrust, TerraformRunPhase, Trust, UserAssignedIdentity } from '../../src';
import { newStack, reportOf, resourcesOf } from '../util';

// Expression language, issuers and claims: MicrosoftDocs/entra-docs
// docs/workload-id/workload-identities-flexible-federated-identity-credentials.md
const problemsOf = (t: FlexibleTrust) => reportOf(t).problems.join('\n');

describe('FlexibleTrust', () => {
  test.each([
    [{ branchPattern: 'release/*' }, "claims['sub'] matches 'repo:contoso/infra:ref:refs/heads/release/*'"],
    [{ tagPattern: 'v?.*' }, "claims['sub'] matches 'repo:contoso/infra:ref:refs/tags/v?.*'"],
    [{ claimsMatchingExpression: "claims['sub'] matches 'repo:contoso/infra:*' and claims['job_workflow_ref'] eq 'contoso/infra/.github/workflows/d.yml@refs/heads/main'" },
      "claims['sub'] matches 'repo:contoso/infra:*' and claims['job_workflow_ref'] eq 'contoso/infra/.github/workflows/d.yml@refs/heads/main'"],
  ])('githubActions %j', (selector, expression) => {
    const trust = FlexibleTrust.githubActions({ owner: 'contoso', repository: 'infra', ...selector });
    expect(trust.claimsMatchingExpression).toBe(expression);
    expect(trust.issuer).toBe('https://token.actions.githubusercontent.com');
    expect(trust.audience).toBe('api://AzureADTokenExchange');
    expect(reportOf(trust).problems).toEqual([]);
  });

  test('gitlab and HCP Terraform', () => {
    expect(FlexibleTrust.gitlab({ projectPath: 'a/b', branchPattern: 'feature-*' }).claimsMatchingExpression)
      .toBe("claims['sub'] matches 'project_path:a/b:ref_type:branch:ref:feature-*'");
    const tfc = FlexibleTrust.terraformCloud({ organization: 'contoso', project: 'M365', workspacePattern: 'tenant-*', runPhase: TerraformRunPhase.PLAN, hostname: 'app.eu.terraform.io' });
    expect(tfc.claimsMatchingExpression).toBe("claims['sub'] matches 'organization:contoso:project:M365:workspace:tenant-*:run_phase:plan'");
    expect(tfc.issuer).toBe('https://app.eu.terraform.io');
    expect(FlexibleTrust.terraformCloud({ organization: 'o', project: 'p', workspacePattern: '*' }).claimsMatchingExpression).toMatch(/run_phase:\*'$/);
  });

  test.each([
    [FlexibleTrust.githubActions({ owner: 'o', repository: 'r' }), 'needs a selector'],
    [FlexibleTrust.githubActions({ owner: 'o', repository: 'r', branchPattern: 'a', tagPattern: 'b' }), 'exactly one selector'],
    [FlexibleTrust.githubActions({ owner: 'o', repository: 'r', claimsMatchingExpression: "claims['ref'] eq 'main'" }), "not claims['ref']"],
    [FlexibleTrust.githubActions({ owner: 'o', repository: 'r', claimsMatchingExpression: "claims['sub'] matches 'a' or claims['sub'] eq 'b'" }), 'found or'],
    [FlexibleTrust.githubActions({ owner: 'o', repository: 'r', claimsMatchingExpression: 'sub matches a' }), "written claims['name']"],
    [FlexibleTrust.githubActions({ owner: 'o', repository: 'r', branchPattern: "it's" }), 'single quote'],
    [FlexibleTrust.gitlab({ projectPath: 'a/b', branchPattern: '*', claimsMatchingExpression: "claims['job_workflow_ref'] eq 'x'" }), 'exactly one selector'],
    [FlexibleTrust.gitlab({ projectPath: 'a/b', branchPattern: '*', instanceUrl: 'https://git.contoso.com' }), 'only from https://gitlab.com'],
    [FlexibleTrust.terraformCloud({ organization: 'o', project: 'p', workspacePattern: '*', hostname: 'tfe.contoso.com' }), 'only from app.terraform.io'],
  ])('rejects %#', (trust, message) => {
    expect(problemsOf(trust)).toContain(message);
  });
});

describe('FlexibleFederatedCredential', () => {
  test('emits azuread_application_flexible_federated_identity_credential on an app', () => {
    const stack = newStack();
    const app = new AppRegistration(stack, 'Ci', { displayName: 'ci' });
    app.addFlexibleFederatedCredential('Releases', FlexibleTrust.githubActions({ owner: 'contoso', repository: 'infra', branchPattern: 'release/*' }));
    const synthesized = Testing.synth(stack, true);
    const [appId] = Object.keys(resourcesOf(JSON.parse(synthesized), 'azuread_application'));
    expect(synthesized).toHaveResourceWithProperties(ApplicationFlexibleFederatedIdentityCredential, {
      application_id: `\${azuread_application.${appId}.id}`,
      display_name: 'github-contoso-infra-Releases',
      issuer: 'https://token.actions.githubusercontent.com',
      audience: 'api://AzureADTokenExchange',
      claims_matching_expression: "claims['sub'] matches 'repo:contoso/infra:ref:refs/heads/release/*'",
    });
  });

  test('is refused on a user-assigned identity', () => {
    const stack = newStack();
    const uami = new UserAssignedIdentity(stack, 'Id', { name: 'id-x', resourceGroupName: 'rg', location: 'westeurope' });
    expect(() => new FlexibleFederatedCredential(stack, 'Flex', {
      target: uami as any, trust: FlexibleTrust.githubActions({ owner: 'o', repository: 'r', branchPattern: '*' }),
    })).toThrow('test/Flex: invalid target "test/Id": flexible federated credentials (claims-matching expressions) exist only on app registrations');
  });

  test('problems surface with the construct path', () => {
    const app = new AppRegistration(newStack(), 'Ci', { displayName: 'ci' });
    expect(() => app.addFlexibleFederatedCredential('X', FlexibleTrust.githubActions({ owner: 'o', repository: 'r' })))
      .toThrow('test/Ci/X: invalid branchPattern | tagPattern | claimsMatchingExpression ""');
  });

  test('counts toward the 20 credentials of an app', () => {
    const stack = newStack();
    const app = new AppRegistration(stack, 'Ci', { displayName: 'ci' });
    for (let i = 1; i <= 19; i++) app.addFederatedCredential(`Env${i}`, Trust.githubActions({ owner: 'o', repository: 'r', environment: `e${i}` }));
    app.addFlexibleFederatedCredential('Flex', FlexibleTrust.githubActions({ owner: 'o', repository: 'r', branchPattern: '*' }));
    expect(() => Testing.synth(stack, true)).not.toThrow();
    app.addFlexibleFederatedCredential('Flex2', FlexibleTrust.githubActions({ owner: 'o', repository: 'r', tagPattern: '*' }));
    expect(() => Testing.synth(stack, true)).toThrow('holds 21 federated identity credentials');
  });
});
