import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import type { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import type { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { check, throwProblems } from '../private/problems';
import { guid, lowerGuid, tenantIdRule } from '../private/rules';
import { checkedArgs, requiredProblems } from '../private/shape';
import { ProviderAuthMethod, TerraformProviderKind } from './auth-method';
import { assertTenantsAgree, checkSignIn, refuseDuplicateDefault, refuseResourceId, warnIfUnknownAtPlan } from './checks';
import { ProviderAuth } from './provider-auth';
import { recordSignIn } from './sign-in-facts';
import { azureadSignIn } from './sign-in/azuread';
import { azurermSignIn } from './sign-in/azurerm';
import { SignInSettings } from './sign-in/settings';
import { warn } from '../private/warnings';
import { azuread, azurerm } from '../private/lazy-modules';

/** Options of `AzureProviders.azurerm`. */
export interface AzurermProviderOptions {
  /** How the provider signs in. */
  readonly auth: ProviderAuth;
  /**
   * The subscription to manage; azurerm needs it for plan and apply.
   * @default - `ARM_SUBSCRIPTION_ID` at run time
   */
  readonly subscriptionId?: string;
  /**
   * The Entra tenant.
   * @default - the tenant of the auth's identity
   */
  readonly tenantId?: string;
  /**
   * Provider alias.
   * @default - the default provider
   */
  readonly alias?: string;
}

/** Options of `AzureProviders.azuread`. */
export interface AzureadProviderOptions {
  /** How the provider signs in. */
  readonly auth: ProviderAuth;
  /** The Entra tenant; azuread needs it with a managed identity. */
  readonly tenantId: string;
  /**
   * Provider alias.
   * @default - the default provider
   */
  readonly alias?: string;
}

/**
 * The prebuilt azurerm and azuread providers, configured for a keyless sign-in, with
 * `use_cli = false` so that a run never falls back to whoever is logged in to the Azure CLI.
 *
 * @example
 * AzureProviders.azurerm(stack, 'azurerm', { auth: ProviderAuth.managedIdentity({ identity: runner }), subscriptionId });
 * AzureProviders.azuread(stack, 'azuread', { auth: ProviderAuth.githubActionsOidc({ identity: app }), tenantId });
 */
export class AzureProviders {
  /**
   * An `azurerm` provider (with the `features {}` block it requires) signing in with `auth`.
   *
   * @param scope the stack that holds the provider
   * @param id the provider's construct id
   * @param options how it signs in, and the subscription
   */
  public static azurerm(scope: Construct, id: string, options: AzurermProviderOptions): AzurermProvider {
    checkedArgs('AzureProviders.azurerm', [scope, id, options]);
    const provider = new (azurerm.provider().AzurermProvider)(scope, id, { features: [{}], subscriptionId: options?.subscriptionId, alias: options?.alias });
    throwProblems(provider, requiredProblems(options, ['auth'], 'AzurermProviderOptions'));
    const tenantId = lowerGuid(options.tenantId ?? options.auth.tenantId);
    Object.assign(provider, azurermSignIn(options.auth, tenantId).attributes());
    recordSignIn(provider, TerraformProviderKind.AZURERM, options.auth);
    check(provider, 'subscriptionId', options.subscriptionId, guid('subscription ID', '`az account show --query id`'));
    checkAuth(provider, options.tenantId, options.auth);
    refuseResourceId(provider, 'azurerm', options.auth);
    checkSignIn(provider, TerraformProviderKind.AZURERM, options.auth, tenantId);
    warnIfTokenFileUnset(provider, TerraformProviderKind.AZURERM, options.auth, azurermSignIn(options.auth, tenantId));
    return provider;
  }

  /**
   * An `azuread` provider signing in with `auth`.
   *
   * @param scope the stack that holds the provider
   * @param id the provider's construct id
   * @param options how it signs in, and the tenant
   */
  public static azuread(scope: Construct, id: string, options: AzureadProviderOptions): AzureadProvider {
    checkedArgs('AzureProviders.azuread', [scope, id, options]);
    const provider = new (azuread.provider().AzureadProvider)(scope, id, { alias: options?.alias });
    throwProblems(provider, requiredProblems(options, ['auth', 'tenantId'], 'AzureadProviderOptions'));
    Object.assign(provider, azureadSignIn(options.auth, lowerGuid(options.tenantId)).attributes());
    recordSignIn(provider, TerraformProviderKind.AZUREAD, options.auth);
    checkAuth(provider, options.tenantId, options.auth);
    refuseResourceId(provider, 'azuread', options.auth);
    checkSignIn(provider, TerraformProviderKind.AZUREAD, options.auth, options.tenantId);
    warnIfTokenFileUnset(provider, TerraformProviderKind.AZUREAD, options.auth, azureadSignIn(options.auth, options.tenantId));
    return provider;
  }

  private constructor() {}
}

function checkAuth(provider: TerraformProvider, tenantId: string | undefined, auth: ProviderAuth): void {
  refuseDuplicateDefault(provider);
  check(provider, 'tenantId', tenantId, tenantIdRule);
  throwProblems(provider, auth._problems);
  assertTenantsAgree(provider, tenantId, auth);
  warnIfUnknownAtPlan(provider, auth);
}

/**
 * azuread never reads AZURE_FEDERATED_TOKEN_FILE or AZURE_CLIENT_ID (hashicorp/terraform-provider-azuread#1688),
 * and azurerm reads them only with use_aks_workload_identity: without a token path in the block, the
 * run must set ARM_* variables, which a provider block cannot express.
 */
function warnIfTokenFileUnset(provider: Construct, kind: TerraformProviderKind, auth: ProviderAuth, settings: SignInSettings): void {
  if (auth.tokenEnvironmentVariable !== undefined) {
    // A block cannot read a variable: the token reaches the provider only through ARM_OIDC_TOKEN.
    warn(provider, {
      rule: 'providers that need the token copied into ARM_OIDC_TOKEN where Terraform runs',
      message: `${kind} reads a federated token from a variable only as ARM_OIDC_TOKEN, which a provider block cannot set: export `
        + `${settings.runtimeAssignments().join(', ')} where Terraform runs (ProviderAuth.environment(TerraformProviderKind.${kind.toUpperCase()}) lists it).`,
    });
    return;
  }
  const fileBased = auth.method === ProviderAuthMethod.WORKLOAD_IDENTITY
    || (auth.method === ProviderAuthMethod.AKS_WORKLOAD_IDENTITY && kind === TerraformProviderKind.AZUREAD);
  if (!fileBased || auth.tokenFilePath !== undefined) return;
  warn(provider, {
    rule: 'providers that need the token file path set where Terraform runs',
    message: `${kind} does not read AZURE_FEDERATED_TOKEN_FILE by itself: set ${settings.runtimeAssignments().join(', ')} where Terraform runs `
      + `(ProviderAuth.environment(TerraformProviderKind.${kind.toUpperCase()}) lists them), or pass tokenFilePath.`,
  });
}
