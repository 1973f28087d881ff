import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { Runner } from '../runners/runner';
import { ICredentialTarget } from '../core/principal';
import { FederatedCredential } from '../federation/federated-credential';
import { Trust } from '../federation/trust';
import { githubEnvironmentNameRule } from '../private/pipeline-rules';
import { Problem, check, throwProblems } from '../private/problems';
import { recordPipeline } from '../private/review-facts';
import { checkedArgs, requiredProblems } from '../private/shape';
import { warn } from '../private/warnings';
import { GitHubActionsEnvironmentVariable } from './bindings/github-actions-environment-variable';
import { GitHubRepositoryEnvironment } from './bindings/github-repository-environment';
import { githubProviderChecks, GitHubRepositoryProps, githubSideProblems, githubVariables } from './github-common';
import { refuseSensitiveReferences } from './variables';

/**
 * Who may let a job into a GitHub environment, and from which branches. The environment is then
 * managed whole by Terraform: reviewers or a branch policy set by hand in GitHub's settings are removed
 * by the next apply, so declare them here.
 */
export interface GitHubEnvironmentProtection {
  /**
   * Numeric IDs of up to 6 users, any one of whom must approve each job (`gh api users/NAME --jq .id`).
   * @default - no user reviewers
   */
  readonly reviewerUserIds?: number[];
  /**
   * Numeric IDs of up to 6 teams, any member of which must approve each job (`gh api orgs/ORG/teams/SLUG --jq .id`).
   * @default - no team reviewers
   */
  readonly reviewerTeamIds?: number[];
  /**
   * Only branches with branch protection rules may use the environment.
   * @default false
   */
  readonly protectedBranchesOnly?: boolean;
  /**
   * Whether the user who started a run may approve it.
   * @default false: with reviewers, someone else approves
   */
  readonly allowSelfReview?: boolean;
  /**
   * Whether repository administrators may skip the rules above.
   * @default false
   */
  readonly allowAdminBypass?: boolean;
  /**
   * Minutes to wait before a job starts, 0 to 43200.
   * @default 0
   */
  readonly waitTimerMinutes?: number;
}

/** Properties of a `GitHubEnvironment`. */
export interface GitHubEnvironmentProps extends GitHubRepositoryProps {
  /** The environment's name, e.g. `production`: created, given its variables, and trusted. */
  readonly environment: string;
  /**
   * Reviewers and branch policy. An environment without either lets any branch of the repository
   * that names it sign in as the identity: a warning says so.
   * @default - no protection (warned)
   */
  readonly protection?: GitHubEnvironmentProtection;
}

/**
 * A GitHub deployment environment and the identity its jobs sign in as, from one declaration so
 * that the two cannot disagree: the environment (`github_repository_environment`), its Actions
 * variables `AZURE_CLIENT_ID`, `AZURE_TENANT_ID` and `AZURE_SUBSCRIPTION_ID`
 * (`github_actions_environment_variable`: variables, not secrets, since none of them is secret), and
 * the identity's federated credential for `repo:{owner}/{repo}:environment:{environment}`.
 *
 * The stack needs a `GitHubProvider` for the same owner, and azurerm (identity) or azuread (app)
 * for the credential. The job needs `permissions: id-token: write` and `environment: <name>`.
 *
 * @example
 * new GitHubEnvironment(stack, 'Production', {
 *   identity, owner: 'contoso', repository: 'platform', environment: 'production',
 *   subscriptionId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
 * });
 */
export class GitHubEnvironment extends Construct {
  /** The identity jobs in the environment sign in as. */
  public readonly identity: ICredentialTarget;
  /** The tenant they sign in to. */
  public readonly tenantId: string;
  /** The trust the credential expresses, built from the same owner, repository and environment. */
  public readonly trust: Trust;
  /** The environment resource (escape hatch). */
  public readonly resource: GitHubRepositoryEnvironment;
  /** The identity's federated credential for the environment. */
  public readonly credential: FederatedCredential;
  /** The variables written, by name. */
  public readonly variables: { [name: string]: string };
  /**
   * Where Terraform runs: a job of this repository in this environment. Give it to the providers of
   * the configuration the job runs, and the chain's checks hold them to this environment's trust.
   */
  public readonly runner: Runner;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: GitHubEnvironmentProps) {
    super(checkedArgs('GitHubEnvironment.constructor', [scope, id, props]), id);
    throwProblems(this, requiredProblems(props, ['identity', 'owner', 'repository', 'environment'], 'GitHubEnvironmentProps'));
    check(this, 'environment', props.environment, githubEnvironmentNameRule);
    const job = { owner: props.owner, repository: props.repository, environment: props.environment, ownerId: props.ownerId, repositoryId: props.repositoryId };
    this.trust = Trust.githubActions(job);
    this.runner = Runner.githubActions(job);
    throwProblems(this, [...githubSideProblems(props), ...this.trust._problems]);
    refuseSensitiveReferences(this, 'variables', props.variables ?? {});
    githubProviderChecks(this, props.owner);
    this.identity = props.identity;
    this.tenantId = props.tenantId ?? props.identity.tenantId;
    const place = `${props.owner}/${props.repository}, environment ${props.environment}`;

    const protection = props.protection ?? {};
    throwProblems(this, protectionProblems(protection));
    const reviewed = Boolean(protection.reviewerUserIds?.length || protection.reviewerTeamIds?.length);
    this.resource = new GitHubRepositoryEnvironment(this, 'Resource', {
      repository: props.repository,
      environment: props.environment,
      reviewerUsers: protection.reviewerUserIds,
      reviewerTeams: protection.reviewerTeamIds,
      protectedBranchesOnly: protection.protectedBranchesOnly,
      preventSelfReview: reviewed ? !(protection.allowSelfReview ?? false) : undefined,
      canAdminsBypass: props.protection ? protection.allowAdminBypass ?? false : undefined,
      waitTimer: protection.waitTimerMinutes,
    });
    if (!reviewed && !protection.protectedBranchesOnly) {
      warn(this, {
        rule: 'GitHub environments that any branch can use',
        message: `Environment ${props.environment} has no reviewers and no branch policy: a workflow on any branch of ${props.owner}/${props.repository} `
          + 'that names it gets a token for the identity. Pass protection: { reviewerTeamIds: [...] } or { protectedBranchesOnly: true }.',
      });
    }
    const variables = githubVariables(props, this.tenantId);
    for (const [name, value] of variables) {
      // The environment's attribute, not the literal name: each variable is written after the environment exists.
      new GitHubActionsEnvironmentVariable(this, name, { repository: props.repository, environment: this.resource.environment, variableName: name, value });
    }
    this.variables = Object.fromEntries(variables);
    recordPipeline({ holder: this, principal: props.identity, platform: 'GitHub Actions', place, settings: variables });
    this.credential = new FederatedCredential(this, 'Credential', { target: props.identity, trust: this.trust, name: props.credentialName });
  }

}

/** GitHub's limits on environment protection (REST API "Create or update an environment"; provider schema at v6.13.0). */
function protectionProblems(protection: GitHubEnvironmentProtection): Problem[] {
  const problems: Problem[] = [];
  for (const [property, ids] of [['protection.reviewerUserIds', protection.reviewerUserIds], ['protection.reviewerTeamIds', protection.reviewerTeamIds]] as const) {
    if (ids === undefined || Token.isUnresolved(ids)) continue;
    if (ids.length > 6 || ids.some((id) => !Token.isUnresolved(id) && !(Number.isInteger(id) && id > 0))) {
      problems.push({
        property, value: JSON.stringify(ids),
        problem: 'GitHub takes up to 6 reviewers of each kind, by numeric ID', fix: 'give at most 6 positive whole-number IDs (gh api users/NAME --jq .id)',
      });
    }
  }
  const wait = protection.waitTimerMinutes;
  if (wait !== undefined && !Token.isUnresolved(wait) && !(Number.isInteger(wait) && wait >= 0 && wait <= 43200)) {
    problems.push({ property: 'protection.waitTimerMinutes', value: String(wait), problem: 'GitHub waits 0 to 43200 whole minutes', fix: 'choose a value in that range' });
  }
  return problems;
}
