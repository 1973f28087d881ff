import { IConstruct } from 'constructs';
import { TerraformDataSource, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { IEntraPrincipal } from '../core/principal';
import { trustedTokens } from '../federation/credential-registry';
import { FederatedCredential } from '../federation/federated-credential';
import { TrustPlatform } from '../federation/trust-spec';
import { providerOfType } from '../least-privilege/catalog';
import { LeastPrivilege } from '../least-privilege/least-privilege';
import { covers } from '../least-privilege/rule';
import { WellKnownApp } from '../permissions/graph-permissions';
import { appRolesReceived } from '../private/app-role-ledger';
import { Problem, describeProblem, isLiteral } from '../private/problems';
import { warnIf } from '../private/warnings';

/** What one provider block's resources need of the identity it signs in as, and what that identity lacks. */
export interface SignInRights {
  /** The Graph app roles the block's resources need, and the ones the identity does not hold. */
  readonly needed: string[];
  readonly missing: string[];
  /** The addresses that need a permission. */
  readonly reasonsFor: (permission: string) => string[];
  /** Whether every grant the identity can hold is made in this app (it is created here), so that a gap is certain. */
  readonly certain: boolean;
}

/**
 * The Graph app roles the resources a provider block manages need (`LeastPrivilege` over the types
 * of that provider the catalog covers, in the block's stack, managed by this block), compared with the
 * app roles the identity receives anywhere in the app. Azure roles and Azure DevOps entitlements are
 * reported, not judged: no catalog says what a type needs of them.
 */
export function signInRights(identity: IEntraPrincipal, provider: TerraformProvider, providerName: string): SignInRights {
  const stack = TerraformStack.of(provider);
  // A resource with no provider of its own uses the stack's default (unaliased) block of its provider.
  const manages = (element: TerraformResource | TerraformDataSource): boolean => providerOfType(element.terraformResourceType) === providerName
    && TerraformStack.of(element) === stack && (element.provider ? element.provider === provider : provider.alias === undefined);
  const principalId = isLiteral(identity.principalId) ? identity.principalId : undefined;
  const needs = LeastPrivilege._requiredBy(stack, { principalId }, manages);
  const granted = appRolesReceived(provider, identity, WellKnownApp.MICROSOFT_GRAPH);
  return {
    needed: needs.applicationPermissions,
    missing: needs.applicationPermissions.filter((need) => !granted.some((g) => covers(g, need))),
    reasonsFor: (permission) => needs.reasonsFor(permission),
    certain: TerraformResource.isTerraformResource(identity.node.defaultChild),
  };
}

/**
 * The identity a provider signs in as must hold what the provider's resources need. A gap is an error
 * when every grant of the identity is in this app, and a warning when grants may be made elsewhere
 * (an identity referred to by ID). Judged once the tree is complete, so grants made later count.
 */
export function checkSignInRights(identity: IEntraPrincipal, provider: TerraformProvider, providerName: string): void {
  if (providerName !== 'microsoft365' && providerName !== 'azuread') return;
  provider.node.addValidation({
    validate: () => {
      const rights = signInRights(identity, provider, providerName);
      return rights.certain && rights.missing.length ? [describeProblem(rightsProblem(identity, provider, providerName, rights))] : [];
    },
  });
  warnIf(provider, () => {
    const rights = signInRights(identity, provider, providerName);
    if (rights.certain || rights.missing.length === 0) return undefined;
    const problem = rightsProblem(identity, provider, providerName, rights);
    return {
      rule: 'providers that sign in as an identity whose grants the app does not show',
      message: `${problem.problem}, as far as this app shows: grants made elsewhere are not seen. If it lacks them, fix: ${problem.fix}.`,
    };
  });
}

function rightsProblem(identity: IEntraPrincipal, provider: IConstruct, providerName: string, rights: SignInRights): Problem {
  const lacks = rights.missing.map((p) => `${p} (needed by ${rights.reasonsFor(p).join(', ')})`).join('; ');
  const name = identity.node.id;
  const grant = `grant them to ${identity.node.path}: ${name}.grantGraphAppRoles('Graph', [${rights.missing.map((p) => `'${p}'`).join(', ')}]), `
    + `or ${name}.grantGraphAppRolesRequiredBy('Graph', stack) with the stack "${TerraformStack.of(provider).node.id}"`;
  const holder = appsTrusting(identity, rights.missing);
  // The managed-identity guide's pattern: the app holds the rights and trusts the identity, and the
  // provider signs in as the identity. Signing in as the app with the identity's token is the other fix.
  const asApp = holder ? `; or sign in as ${holder.node.path}, which holds them and trusts ${identity.node.path}: `
    + `auth: Runner.azureCompute({ identity: ${name} }).providerAuth(${holder.node.id}) (the machine's token as the app's credential)` : '';
  return {
    property: 'auth.identity', value: identity.node.path,
    problem: `${providerName} signs in as ${identity.node.path}, which lacks ${lacks}: every such call returns 403`,
    fix: `${grant}${asApp}`,
  };
}

/**
 * An app in this app that trusts `identity` as its credential and holds every permission in
 * `permissions`: found only when a gap was found, so the walk costs nothing on a good app.
 */
function appsTrusting(identity: IEntraPrincipal, permissions: string[]): IEntraPrincipal | undefined {
  const principalId = identity.principalId;
  const same = (subject: string) => subject === principalId || (isLiteral(subject) && isLiteral(principalId) && subject.toLowerCase() === principalId.toLowerCase());
  for (const node of identity.node.root.node.findAll()) {
    if (!(node instanceof FederatedCredential) || node.trust.platform !== TrustPlatform.MANAGED_IDENTITY || !same(node.trust.subject)) continue;
    const held = appRolesReceived(node, node.target, WellKnownApp.MICROSOFT_GRAPH);
    if (permissions.every((need) => held.some((g) => covers(g, need)))) return node.target;
  }
  return undefined;
}

/**
 * The trust platforms whose tokens a federated sign-in method can present, where the method says:
 * GitHub Actions OIDC asks the Actions runtime, the AKS webhook projects a service account token, an
 * Azure DevOps sign-in asks its service connection. A token file or a token from the environment
 * (`WorkloadIdentity`, `FederatedToken`) can hold any issuer's token, so any trust may match it.
 * Keys and values are the enums' string values (`ProviderAuthMethod`, `TrustPlatform`).
 */
const TOKEN_PLATFORMS: { readonly [method: string]: { readonly platform: string; readonly a: string; readonly factory: string } } = {
  GitHubActionsOidc: { platform: TrustPlatform.GITHUB_ACTIONS, a: 'a GitHub Actions', factory: 'Trust.githubActions({ owner, repository, environment })' },
  AksWorkloadIdentity: { platform: TrustPlatform.KUBERNETES, a: 'a Kubernetes service account', factory: 'Trust.kubernetes({ issuerUrl, namespace, serviceAccountName })' },
  AzureDevOpsOidc: { platform: TrustPlatform.AZURE_DEVOPS, a: 'an Azure DevOps service connection', factory: 'Trust.azureDevOps({ issuerUrl, subject })' },
};

/**
 * A federated sign-in with no runner: the token is unknown, but an identity this app creates with no
 * trust at all matches none, whatever runs Terraform; and a method that says where its token comes
 * from (GitHub Actions, the AKS webhook, an Azure DevOps service connection) matches no identity
 * whose every trust is of another platform. A custom trust, a pattern, or a credential another copy
 * of the library registered might match, so it passes. Judged once the tree is complete.
 */
export function requireSomeTrust(identity: IEntraPrincipal, provider: TerraformProvider, providerName: string, method: string): void {
  provider.node.addValidation({
    validate: () => {
      if (!TerraformResource.isTerraformResource(identity.node.defaultChild)) return [];
      const trusts = trustedTokens(identity);
      if (trusts.length === 0) {
        return [describeProblem({
          property: 'auth.identity', value: identity.node.path,
          problem: `${providerName} exchanges a federated token (${method}) for ${identity.node.path}, which trusts no token, so every sign-in fails (AADSTS70021)`,
          fix: `add the trust of where Terraform runs to ${identity.node.path} (addFederatedCredential), or sign in through a runner (Runner.githubActions(...).providerAuth(identity)), which says which trust`,
        })];
      }
      const token = TOKEN_PLATFORMS[method];
      const mayMatch = (platform?: string) => platform === undefined || platform === TrustPlatform.CUSTOM || platform === token.platform;
      if (!token || trusts.some((trust) => mayMatch(trust.platform))) return [];
      const held = [...new Set(trusts.map((trust) => trust.platform))].join(', ');
      return [describeProblem({
        property: 'auth.identity', value: identity.node.path,
        problem: `${providerName} signs in with ${token.a} token (${method}) as ${identity.node.path}, whose trusts are all of another platform (${held}), so every sign-in fails (AADSTS70021)`,
        fix: `add ${token.a} trust to ${identity.node.path} (addFederatedCredential(id, ${token.factory})), or choose the sign-in of where Terraform runs: `
          + 'a runner says it (Runner.githubActions(...), Runner.kubernetes(...), Runner.azurePipelines(...) with .providerAuth(identity))',
      })];
    },
  });
}
