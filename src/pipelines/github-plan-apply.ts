import { Construct } from 'constructs';
import { ICredentialTarget } from '../core/principal';
import { throwProblems } from '../private/problems';
import { checkedArgs, requiredProblems } from '../private/shape';
import { GitHubEnvironment, GitHubEnvironmentProtection } from './github-environment';
import { GitHubRepositoryAccess } from './github-repository-access';

/** Where a repository plans and applies, for `PlanApplyIdentities.github`. */
export interface GitHubPlanApplyOptions {
  /** The repository's owner, as the github provider's `owner`. */
  readonly owner: string;
  /** The repository's name, without its owner. */
  readonly repository: string;
  /** The environment the apply job runs in, e.g. `production`. */
  readonly applyEnvironment: string;
  /**
   * Reviewers and branch policy of the apply environment: without either, any branch that names the
   * environment can apply (a warning says so).
   * @default - no protection (warned)
   */
  readonly applyProtection?: GitHubEnvironmentProtection;
  /**
   * The branch whose jobs plan, with no environment.
   * @default - pull requests plan
   */
  readonly planBranch?: string;
  /**
   * The subscription (`AZURE_SUBSCRIPTION_ID`).
   * @default - no AZURE_SUBSCRIPTION_ID variable
   */
  readonly subscriptionId?: string;
  /**
   * The owner's numeric ID, for GitHub's immutable subject form.
   * @default - the name-only subject
   */
  readonly ownerId?: string;
  /**
   * The repository's numeric ID, for GitHub's immutable subject form.
   * @default - the name-only subject
   */
  readonly repositoryId?: string;
}

/** Properties of a `GitHubPlanApply`. */
export interface GitHubPlanApplyProps extends GitHubPlanApplyOptions {
  /** The read-only identity plan jobs sign in as. */
  readonly planIdentity: ICredentialTarget;
  /** The identity the apply job signs in as. */
  readonly applyIdentity: ICredentialTarget;
  /**
   * The tenant (`AZURE_TENANT_ID`).
   * @default - the apply identity's tenant
   */
  readonly tenantId?: string;
}

/**
 * A repository whose plan jobs (pull requests, or a branch) sign in as a read-only identity and
 * whose apply job (an environment) signs in as another, with one workflow line
 * `client-id: ${{ vars.AZURE_CLIENT_ID }}`: the plan identity's variables are the repository's, the
 * apply identity's the environment's, which GitHub prefers in jobs that use the environment.
 *
 * @example
 * new GitHubPlanApply(stack, 'Platform', { planIdentity, applyIdentity, owner: 'contoso', repository: 'platform', applyEnvironment: 'production' });
 */
export class GitHubPlanApply extends Construct {
  /** The plan side: repository variables and the branch or pull-request trust. */
  public readonly plan: GitHubRepositoryAccess;
  /** The apply side: the environment, its variables and its trust. */
  public readonly apply: GitHubEnvironment;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: GitHubPlanApplyProps) {
    super(checkedArgs('GitHubPlanApply.constructor', [scope, id, props]), id);
    throwProblems(this, requiredProblems(props, ['planIdentity', 'applyIdentity', 'owner', 'repository', 'applyEnvironment'], 'GitHubPlanApplyProps'));
    const repository = {
      tenantId: props.tenantId, owner: props.owner, repository: props.repository,
      subscriptionId: props.subscriptionId, ownerId: props.ownerId, repositoryId: props.repositoryId,
    };
    this.plan = new GitHubRepositoryAccess(this, 'Plan', {
      ...repository, identity: props.planIdentity,
      ...(props.planBranch !== undefined ? { branch: props.planBranch } : { pullRequest: true }),
    });
    this.apply = new GitHubEnvironment(this, 'Apply', {
      ...repository, identity: props.applyIdentity, environment: props.applyEnvironment, protection: props.applyProtection,
    });
  }
}
