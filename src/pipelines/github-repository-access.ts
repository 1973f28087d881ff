import { Construct } from 'constructs';
import { Runner } from '../runners/runner';
import { ICredentialTarget } from '../core/principal';
import { FederatedCredential } from '../federation/federated-credential';
import { Trust } from '../federation/trust';
import { throwProblems } from '../private/problems';
import { recordPipeline } from '../private/review-facts';
import { checkedArgs, requiredProblems } from '../private/shape';
import { GitHubActionsVariable } from './bindings/github-actions-variable';
import { githubProviderChecks, GitHubRepositoryProps, githubSideProblems, githubVariables } from './github-common';
import { refuseSensitiveReferences } from './variables';

/** Properties of a `GitHubRepositoryAccess`. Give `branch` or `pullRequest`. */
export interface GitHubRepositoryAccessProps extends GitHubRepositoryProps {
  /**
   * Trust jobs that run for this branch and use no environment.
   * @default - give pullRequest
   */
  readonly branch?: string;
  /**
   * Trust jobs that run for pull requests (any author who can open one gets this identity: give it read rights only).
   * @default false
   */
  readonly pullRequest?: boolean;
}

/**
 * Repository-level Actions variables `AZURE_CLIENT_ID`, `AZURE_TENANT_ID` and
 * `AZURE_SUBSCRIPTION_ID` (`github_actions_variable`) and the identity's trust for a branch or for
 * pull requests, from one declaration. Jobs that use no environment read these; a job in an
 * environment reads the environment's variables of the same name instead (GitHub gives the
 * environment's precedence), which is how one workflow line
 * `client-id: ${{ vars.AZURE_CLIENT_ID }}` signs a pull request's plan in as a read-only identity and
 * the production apply as another (see `PlanApplyIdentities.github`).
 *
 * @example
 * new GitHubRepositoryAccess(stack, 'Plan', { identity: planIdentity, owner: 'contoso', repository: 'platform', pullRequest: true });
 */
export class GitHubRepositoryAccess extends Construct {
  /** The identity the jobs sign in as. */
  public readonly identity: ICredentialTarget;
  /** The tenant they sign in to. */
  public readonly tenantId: string;
  /** The trust the credential expresses. */
  public readonly trust: Trust;
  /** The identity's federated credential. */
  public readonly credential: FederatedCredential;
  /** The variables written, by name. */
  public readonly variables: { [name: string]: string };
  /**
   * Where Terraform runs: a job of this repository on the branch, or for a pull request. Give it to the
   * providers of the configuration the job runs, and the chain's checks hold them to this trust.
   */
  public readonly runner: Runner;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: GitHubRepositoryAccessProps) {
    super(checkedArgs('GitHubRepositoryAccess.constructor', [scope, id, props]), id);
    throwProblems(this, requiredProblems(props, ['identity', 'owner', 'repository'], 'GitHubRepositoryAccessProps'));
    const job = {
      owner: props.owner, repository: props.repository, branch: props.branch, pullRequest: props.pullRequest,
      ownerId: props.ownerId, repositoryId: props.repositoryId,
    };
    this.trust = Trust.githubActions(job);
    this.runner = Runner.githubActions(job);
    throwProblems(this, [...githubSideProblems(props), ...this.trust._problems]);
    refuseSensitiveReferences(this, 'variables', props.variables ?? {});
    githubProviderChecks(this, props.owner);
    this.identity = props.identity;
    this.tenantId = props.tenantId ?? props.identity.tenantId;
    const place = `${props.owner}/${props.repository}, ${props.branch !== undefined ? `branch ${props.branch}` : 'pull requests'} (repository variables)`;
    const variables = githubVariables(props, this.tenantId);
    for (const [name, value] of variables) {
      new GitHubActionsVariable(this, name, { repository: props.repository, variableName: name, value });
    }
    this.variables = Object.fromEntries(variables);
    recordPipeline({ holder: this, principal: props.identity, platform: 'GitHub Actions', place, settings: variables });
    this.credential = new FederatedCredential(this, 'Credential', { target: props.identity, trust: this.trust, name: props.credentialName });
  }

}
