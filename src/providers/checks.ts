import { Construct, IConstruct } from 'constructs';
import { TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { IEntraPrincipal } from '../core/principal';
import { describeProblem, invalid, isLiteral, throwProblems } from '../private/problems';
import { reviewFacts } from '../private/review-facts';
import { defaultProviders } from '../private/synthesis-memo';
import { tenantProblems } from '../private/tenants';
import { ProviderAuthMethod, TerraformProviderKind } from './auth-method';
import { ProviderAuth } from './provider-auth';
import { warn } from '../private/warnings';

/**
 * One sign-in, one tenant: the provider's tenant must be its auth's and its identity's, when they
 * are literal.
 */
export function assertTenantsAgree(scope: Construct, tenantId: string | undefined, auth: ProviderAuth): void {
  throwProblems(scope, [
    ...tenantProblems('tenantId', tenantId, auth.identity),
    ...(isLiteral(tenantId) && isLiteral(auth.tenantId) && tenantId.toLowerCase() !== auth.tenantId.toLowerCase() ? [{
      property: 'tenantId', value: tenantId,
      problem: `the auth signs in to tenant "${auth.tenantId}", and a sign-in uses one tenant`,
      fix: `use "${auth.tenantId}" in both places, or the same other tenant in both`,
    }] : []),
  ]);
}

/**
 * Terraform must know provider arguments at plan time. An identity created in the provider's own
 * stack has no client ID until apply, so the first plan cannot configure the provider.
 */
export function warnIfUnknownAtPlan(provider: Construct, auth: ProviderAuth): void {
  const identity = auth.identity;
  if (!identity || !TerraformResource.isTerraformResource(identity.node.defaultChild)) return;
  if (TerraformStack.of(identity) !== TerraformStack.of(provider)) return;
  warn(provider, {
    rule: 'providers that sign in as an identity the same stack creates',
    message: `This provider signs in as ${identity.node.path}, which the same stack creates: its IDs are unknown `
      + 'until apply, but Terraform needs provider settings at plan time. Create the identity in one stack and use it from the stack '
      + 'that holds this provider (cdktf cross-stack references), or pass the client ID of an existing identity.',
  });
}

/** azurerm, azuread and azuredevops choose a user-assigned identity by client ID only. */
export function refuseResourceId(provider: Construct, providerName: string, auth: ProviderAuth): void {
  if (auth.resourceId === undefined) return;
  throw invalid(provider, {
    property: 'auth.resourceId', value: auth.resourceId,
    problem: `${providerName} chooses a user-assigned identity by client ID only`,
    fix: 'use ProviderAuth.managedIdentity({ clientId }) or ({ identity })',
  });
}

/**
 * Terraform rejects two default (unaliased) configurations of one provider in a module ("Duplicate
 * provider configuration"). Checked when the tree is complete, since an alias can be set later.
 */
export function refuseDuplicateDefault(provider: TerraformProvider): void {
  provider.node.addValidation({
    validate: () => {
      if (provider.alias !== undefined) return [];
      const stack = TerraformStack.of(provider);
      const defaults = defaultProviders(stack, provider.terraformResourceType);
      if (defaults.length < 2 || defaults[0] === provider) return [];
      return [`invalid alias (not given): ${defaults[0].node.path} is already the default ${provider.terraformResourceType} provider of stack `
        + `${stack.node.id}, and Terraform rejects a second one ("Duplicate provider configuration"). Fix: pass alias (e.g. alias: '${provider.node.id.toLowerCase()}') `
        + 'and set provider on the resources that should use it, or use one provider.'];
    },
  });
}

/** A principal that checks the provider blocks signing in as it. */
interface SignInWitness {
  _signedInBy(provider: TerraformProvider, providerName: string, federatedWithoutRunner?: string): void;
}

/**
 * What every provider binding checks of its sign-in: the provider has a path for it, a federated
 * sign-in carries a tenant in the block, and, once the tree is complete, a runner's token matches a
 * trust of the identity signed in as (trusts can be added after the provider).
 */
export function checkSignIn(provider: TerraformProvider, kind: TerraformProviderKind, auth: ProviderAuth, tenantId: string | undefined): void {
  throwProblems(provider, auth._settings(kind, tenantId).problems(auth, 'block'));
  // The identity judges who signs in as it (principals/ checks its Graph rights; providers/ cannot see them).
  // An auth that names only a client ID signs in as the app's principal with that client ID, if any.
  const witness = (auth.identity ?? principalWithClientId(provider, auth.clientId)) as Partial<SignInWitness> | undefined;
  // Without a runner the token is unknown, but an identity with no trust at all matches none.
  if (typeof witness?._signedInBy === 'function') witness._signedInBy(provider, kind, auth.federated && !auth._chain && auth.method !== ProviderAuthMethod.HCP_TERRAFORM_DYNAMIC_CREDENTIALS ? auth.method : undefined);
  const chain = auth._chain;
  if (!chain) return;
  provider.node.addValidation({ validate: () => chain.judge(provider, kind).problems.map(describeProblem) });
}

/**
 * The principal of the app, made so far, whose client ID is `clientId`: the same literal GUID (in any
 * case), or the same reference (`identity.clientId` passed on, even from another stack).
 */
function principalWithClientId(scope: IConstruct, clientId: string | undefined): IEntraPrincipal | undefined {
  if (clientId === undefined) return undefined;
  const key = (id: string) => (isLiteral(id) ? id.toLowerCase() : id);
  return reviewFacts(scope).principals.find((principal) => {
    const candidate = principal.signIn?.clientId;
    return candidate !== undefined && key(candidate) === key(clientId);
  });
}
