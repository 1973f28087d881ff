import { TerraformLocal, TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { GitHubEnvironment, GitHubProvider, GitHubRepositoryAccess, UserAssignedIdentity, ValidationError } from '../../src';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, SUBSCRIPTION_ID, TENANT_ID, newStack, resourcesOf, synthJson, thrownBy, warningsOf } from '../util';

function githubStack(owner = 'contoso'): TerraformStack {
  const stack = newStack();
  new GitHubProvider(stack, 'GitHub', { owner });
  return stack;
}

function identityIn(stack: TerraformStack) {
  return UserAssignedIdentity.fromAttributes(stack, 'Runner', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
}

const repo = { owner: 'contoso', repository: 'platform', ownerId: '1234', repositoryId: '5678' };

describe('GitHubEnvironment', () => {
  test('the environment, its Azure variables and the trust for the same environment', () => {
    const stack = githubStack();
    new GitHubEnvironment(stack, 'Production', { ...repo, identity: identityIn(stack), environment: 'production', subscriptionId: SUBSCRIPTION_ID });
    const json = synthJson(stack);
    const [[environmentId]] = Object.entries(resourcesOf(json, 'github_repository_environment'));
    expect(Object.values(resourcesOf(json, 'github_repository_environment'))).toEqual([expect.objectContaining({ repository: 'platform', environment: 'production' })]);
    const variables = Object.values<any>(resourcesOf(json, 'github_actions_environment_variable'));
    expect(Object.fromEntries(variables.map((v) => [v.variable_name, v.value]))).toEqual({
      AZURE_CLIENT_ID: CLIENT_ID, AZURE_TENANT_ID: TENANT_ID, AZURE_SUBSCRIPTION_ID: SUBSCRIPTION_ID,
    });
    for (const v of variables) expect(v.environment).toBe(`\${github_repository_environment.${environmentId}.environment}`);
    expect(json.resource.github_actions_environment_secret).toBeUndefined();
    expect(Object.values<any>(resourcesOf(json, 'azurerm_federated_identity_credential'))[0].subject)
      .toBe('repo:contoso@1234/platform@5678:environment:production');
    expect(json.provider.github).toEqual([{ owner: 'contoso' }]);
    expect(json.terraform.required_providers.github).toEqual({ source: 'integrations/github', version: '6.13.0' });
  });

  test('more plain variables are written after the library\'s', () => {
    const stack = githubStack();
    new GitHubEnvironment(stack, 'Production', { ...repo, identity: identityIn(stack), environment: 'production', variables: { TF_LOG: 'INFO' } });
    const names = Object.values<any>(resourcesOf(synthJson(stack), 'github_actions_environment_variable')).map((v) => v.variable_name);
    expect(names.sort()).toEqual(['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'TF_LOG']);
  });

  test.each([
    [{ variables: { ARM_CLIENT_SECRET: 'x' } }, /invalid variables.ARM_CLIENT_SECRET "ARM_CLIENT_SECRET": the name says it holds a secret \("SECRET"\)/],
    [{ variables: { DEPLOY_TOKEN: 'x' } }, /the name says it holds a secret \("TOKEN"\)/],
    [{ variables: { TF_VAR_clientSecret: 'x' } }, /the name says it holds a secret \("SECRET"\)/],
    [{ variables: { TF_VAR_storageAccountKey: 'x' } }, /the name says it holds a secret \("ACCOUNT_KEY"\)/],
    [{ variables: { TF_VAR_dbpassword: 'x' } }, /the name says it holds a secret \("DBPASSWORD"\)/],
    [{ protection: { reviewerTeamIds: [1, 2, 3, 4, 5, 6, 7] } }, /invalid protection.reviewerTeamIds "\[1,2,3,4,5,6,7\]": GitHub takes up to 6 reviewers/],
    [{ protection: { reviewerUserIds: [1.5] } }, /invalid protection.reviewerUserIds "\[1.5\]"/],
    [{ protection: { waitTimerMinutes: 50000 } }, /invalid protection.waitTimerMinutes "50000": GitHub waits 0 to 43200 whole minutes/],
    [{ variables: { GITHUB_REF_NAME: 'x' } }, /GitHub reserves variable names that start with GITHUB_/],
    [{ variables: { '1ABC': 'x' } }, /GitHub Actions variable names have only letters, digits and "_"/],
    [{ variables: { azure_client_id: 'x' } }, /the library already sets azure_client_id/],
    [{ variables: { NOTE: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' } }, /invalid variables.NOTE "ghp_ab...": the value looks like a GitHub token/],
    [{ variables: { NOTE: 'abc8Q~abcdefghijklmnopqrstuvwxyz0123456' } }, /the value looks like an Entra client secret/],
    [{ environment: 'x'.repeat(256) }, /GitHub environment names have at most 255 characters/],
    [{ environment: 'prod*' }, /FlexibleTrust/],
    [{ tenantId: 'contoso.onmicrosoft.com' }, /invalid tenantId "contoso.onmicrosoft.com": tenant ID must be a GUID/],
  ])('refuses %j', (extra, message) => {
    const stack = githubStack();
    const error = thrownBy(() => new GitHubEnvironment(stack, 'Production', { ...repo, identity: identityIn(stack), environment: 'production', ...extra }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^test\/Production: /);
    expect(error.message).toMatch(message);
  });

  test.each(['KEY_VAULT_NAME', 'KEY_VAULT_SKU', 'TF_VAR_private_dns_zone', 'TF_VAR_ssh_public_key', 'TF_VAR_cert_thumbprint', 'TOKEN_FILE'])(
    'a name that only points to a secret, or names something public, is fine: %s', (name) => {
      const stack = githubStack();
      expect(() => new GitHubEnvironment(stack, 'Production', { ...repo, identity: identityIn(stack), environment: 'production', variables: { [name]: 'x' } })).not.toThrow();
    });

  test('a value that reads a secret attribute, directly or through a local, fails at synth', () => {
    const stack = githubStack();
    const password = new TerraformResource(stack, 'db', { terraformResourceType: 'random_password' });
    const secret = new TerraformVariable(stack, 'deploy_secret', { type: 'string', sensitive: true });
    const wrapped = new TerraformLocal(stack, 'wrapped', `prefix-${secret.stringValue}`);
    new GitHubEnvironment(stack, 'Production', {
      ...repo, identity: identityIn(stack), environment: 'production',
      variables: { DB_NOTE: password.getStringAttribute('result'), OTHER_NOTE: wrapped.asString },
    });
    const message = thrownBy(() => Testing.synth(stack, true)).message;
    expect(message).toMatch(/invalid variables.DB_NOTE "\$\{random_password.db.result\}": it reads random_password.db.result, which holds a secret/);
    expect(message).toMatch(/invalid variables.OTHER_NOTE "\$\{local.wrapped\}": it reads the sensitive variable test\/deploy_secret, through local.wrapped/);
  });

  test('a variable whose name starts like a sensitive one is not mistaken for it', () => {
    const stack = githubStack();
    new TerraformVariable(stack, 'tok', { type: 'string', sensitive: true });
    const plain = new TerraformVariable(stack, 'tok_file', { type: 'string' });
    new GitHubEnvironment(stack, 'Production', { ...repo, identity: identityIn(stack), environment: 'production', variables: { TF_NOTE: plain.stringValue } });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('protection: reviewers, protected branches only, no self-review and no admin bypass by default', () => {
    const stack = githubStack();
    new GitHubEnvironment(stack, 'Production', {
      ...repo, identity: identityIn(stack), environment: 'production', protection: { reviewerTeamIds: [42], protectedBranchesOnly: true },
    });
    expect(Object.values(resourcesOf(synthJson(stack), 'github_repository_environment'))).toEqual([{
      repository: 'platform', environment: 'production', can_admins_bypass: false, prevent_self_review: true,
      reviewers: [{ teams: [42] }], deployment_branch_policy: [{ protected_branches: true, custom_branch_policies: false }],
    }]);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('an environment any branch can use gets a warning', () => {
    const stack = githubStack();
    new GitHubEnvironment(stack, 'Production', { ...repo, identity: identityIn(stack), environment: 'production' });
    expect(warningsOf(stack)).toEqual([expect.stringContaining('Environment production has no reviewers and no branch policy')]);
  });

  test('a value read from a sensitive Terraform variable fails at synth', () => {
    const stack = githubStack();
    const secret = new TerraformVariable(stack, 'deploy_secret', { type: 'string', sensitive: true });
    new GitHubEnvironment(stack, 'Production', { ...repo, identity: identityIn(stack), environment: 'production', variables: { DEPLOY_NOTE: secret.stringValue } });
    expect(() => Testing.synth(stack, true)).toThrow(/invalid variables.DEPLOY_NOTE "\$\{var.deploy_secret\}": it reads the sensitive variable test\/deploy_secret/);
  });

  test('the github provider must manage the owner the trust names', () => {
    const stack = githubStack('fabrikam');
    new GitHubEnvironment(stack, 'Production', { ...repo, identity: identityIn(stack), environment: 'production' });
    expect(() => Testing.synth(stack, true)).toThrow(/invalid owner "contoso": the stack's github provider test\/GitHub manages "fabrikam"/);
  });
});

describe('GitHubRepositoryAccess', () => {
  test('repository variables and a pull-request trust', () => {
    const stack = githubStack();
    new GitHubRepositoryAccess(stack, 'Plan', { ...repo, identity: identityIn(stack), pullRequest: true });
    const json = synthJson(stack);
    expect(Object.values<any>(resourcesOf(json, 'github_actions_variable')).map((v) => [v.repository, v.variable_name]).sort()).toEqual([
      ['platform', 'AZURE_CLIENT_ID'], ['platform', 'AZURE_TENANT_ID'],
    ]);
    expect(Object.values<any>(resourcesOf(json, 'azurerm_federated_identity_credential'))[0].subject).toBe('repo:contoso@1234/platform@5678:pull_request');
  });

  test('a branch trust, and exactly one selector', () => {
    const stack = githubStack();
    new GitHubRepositoryAccess(stack, 'Plan', { ...repo, identity: identityIn(stack), branch: 'main' });
    expect(Object.values<any>(resourcesOf(synthJson(stack), 'azurerm_federated_identity_credential'))[0].subject).toBe('repo:contoso@1234/platform@5678:ref:refs/heads/main');
    const other = githubStack();
    expect(() => new GitHubRepositoryAccess(other, 'Plan', { ...repo, identity: identityIn(other) })).toThrow(/give exactly one of branch, environment, tag or pullRequest/);
  });
});
