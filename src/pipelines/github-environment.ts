import { Construct } from 'constructs';
import { ICredentialTarget } from '../core/principal';
import { FederatedCredential } from '../federation/federated-credential';
import { Trust } from '../federation/trust';
import { githubEnvironmentNameRule } from '../private/pipeline-rules';
import { check, throwProblems } from '../private/problems';
import { recordPipeline } from '../private/review-facts';
import { requiredProblems } from '../private/shape';
import { GitHubActionsEnvironmentVariable } from './bindings/github-actions-environment-variable';
import { GitHubRepositoryEnvironment } from './bindings/github-repository-environment';
import { githubProviderChecks, githubSideProblems, githubVariables } from './github-common';
import { refuseSensitiveReferences } from './variables';

/** Properties of a `GitHubEnvironment`. */
export interface GitHubEnvironmentProps {
  /** The user-assigned identity or app registration that jobs in the environment sign in as. */
  readonly identity: ICredentialTarget;
  /** The repository's owner (organization or user), as the github provider's `owner`. */
  readonly owner: string;
  /** The repository's name, without its owner. */
  readonly repository: string;
  /** The environment's name, e.g. `production`: created, given its variables, and trusted. */
  readonly environment: string;
  /**
   * The tenant jobs sign in to (`AZURE_TENANT_ID`).
   * @default - the identity's tenant
   */
  readonly tenantId?: string;
  /**
   * The subscription Terraform manages (`AZURE_SUBSCRIPTION_ID`).
   * @default - no AZURE_SUBSCRIPTION_ID variable
   */
  readonly subscriptionId?: string;
  /**
   * More plain environment variables, name to value. Names that look secret, values that look like
   * secrets, and references to sensitive Terraform variables are refused.
   * @default - none
   */
  readonly variables?: { [name: string]: string };
  /**
   * The owner's numeric ID, for GitHub's immutable subject form (see `Trust.githubActions`).
   * @default - the name-only subject
   */
  readonly ownerId?: string;
  /**
   * The repository's numeric ID, for GitHub's immutable subject form.
   * @default - the name-only subject
   */
  readonly repositoryId?: string;
  /**
   * The federated credential's name.
   * @default - derived from the trust, e.g. `github-contoso-platform-environment-production`
   */
  readonly credentialName?: string;
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
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: GitHubEnvironmentProps) {
    super(scope, id);
    throwProblems(this, requiredProblems(props, ['identity', 'owner', 'repository', 'environment'], 'GitHubEnvironmentProps'));
    check(this, 'environment', props.environment, githubEnvironmentNameRule);
    this.trust = Trust.githubActions({
      owner: props.owner, repository: props.repository, environment: props.environment, ownerId: props.ownerId, repositoryId: props.repositoryId,
    });
    throwProblems(this, [...githubSideProblems(props), ...this.trust._problems]);
    refuseSensitiveReferences(this, 'variables', props.variables ?? {});
    githubProviderChecks(this, props.owner);
    this.identity = props.identity;
    this.tenantId = props.tenantId ?? props.identity.tenantId;
    const place = `${props.owner}/${props.repository}, environment ${props.environment}`;

    this.resource = new GitHubRepositoryEnvironment(this, 'Resource', { repository: props.repository, environment: props.environment });
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
