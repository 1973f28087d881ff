import { IConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { ICredentialTarget } from '../core/principal';
import { githubVariableNameRule } from '../private/pipeline-rules';
import { Problem, isLiteral, problemsOf } from '../private/problems';
import { guid, tenantIdRule } from '../private/rules';
import { tenantProblems } from '../private/tenants';
import { defaultProviders } from '../private/synthesis-memo';
import { GitHubProvider } from './bindings/github-provider';
import { variableProblems } from './variables';

/** What `azure/login` and the azurerm/azuread providers read in a workflow (GitHub Docs, "Configuring OpenID Connect in Azure"). */
export const AZURE_VARIABLES = ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_SUBSCRIPTION_ID'];

const subscriptionIdRule = guid('subscription ID', '`az account show --query id`');

/** What every GitHub construct of the library takes: the repository, the identity its jobs sign in as, and their variables. */
export interface GitHubRepositoryProps {
  /** The user-assigned identity or app registration that the jobs sign in as. */
  readonly identity: ICredentialTarget;
  /** The repository's owner (organization or user), as the github provider's `owner`. */
  readonly owner: string;
  /** The repository's name, without its owner. */
  readonly repository: string;
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
   * More plain variables, name to value. Names that look secret, values that look like secrets, and
   * references to secrets (sensitive variables, secret attributes) are refused.
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

export function githubSideProblems(input: GitHubRepositoryProps): Problem[] {
  return [
    ...problemsOf('tenantId', input.tenantId, tenantIdRule),
    ...problemsOf('subscriptionId', input.subscriptionId, subscriptionIdRule),
    ...tenantProblems('tenantId', input.tenantId, input.identity),
    ...variableProblems('variables', input.variables ?? {}, githubVariableNameRule, AZURE_VARIABLES),
  ];
}

/** The Azure sign-in variables, then the caller's, in the order given. */
export function githubVariables(input: GitHubRepositoryProps, tenantId: string): Array<[string, string]> {
  return [
    ['AZURE_CLIENT_ID', input.identity.clientId],
    ['AZURE_TENANT_ID', tenantId],
    ...(input.subscriptionId !== undefined ? [['AZURE_SUBSCRIPTION_ID', input.subscriptionId] as [string, string]] : []),
    ...Object.entries(input.variables ?? {}),
  ];
}

/**
 * The trust names the owner, and the github provider writes into its `owner`: they must agree, or
 * the variables land in another account's repository than the one the credential trusts.
 */
export function githubProviderChecks(scope: IConstruct, owner: string): void {
  if (!isLiteral(owner)) return;
  scope.node.addValidation({
    validate: () => (defaultProviders(TerraformStack.of(scope), 'github') as GitHubProvider[])
      .filter((p) => isLiteral(p.owner) && p.owner.toLowerCase() !== owner.toLowerCase())
      .map((p) => `invalid owner "${owner}": the stack's github provider ${p.node.path} manages "${p.owner}", so the variables would be written `
        + `there while the credential trusts "${owner}". Fix: use one owner in both places, or give this construct's resources an aliased provider for "${owner}".`),
  });
}
