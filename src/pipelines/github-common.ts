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

/** The inputs both GitHub constructs share. */
export interface GitHubSideInput {
  readonly identity: ICredentialTarget;
  readonly owner: string;
  readonly tenantId?: string;
  readonly subscriptionId?: string;
  readonly variables?: { [name: string]: string };
}

export function githubSideProblems(input: GitHubSideInput): Problem[] {
  return [
    ...problemsOf('tenantId', input.tenantId, tenantIdRule),
    ...problemsOf('subscriptionId', input.subscriptionId, subscriptionIdRule),
    ...tenantProblems('tenantId', input.tenantId, input.identity),
    ...variableProblems('variables', input.variables ?? {}, githubVariableNameRule, AZURE_VARIABLES),
  ];
}

/** The Azure sign-in variables, then the caller's, in the order given. */
export function githubVariables(input: GitHubSideInput, tenantId: string): Array<[string, string]> {
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
