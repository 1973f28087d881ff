import { Construct } from 'constructs';
import { Rule, check, throwProblems } from '../private/problems';
import { tenantIdRule } from '../private/rules';
import { checkedArgs, requiredProblems } from '../private/shape';
import { assertTenantsAgree, checkSignIn, refuseResourceId, warnIfUnknownAtPlan } from './checks';
import { HandWrittenProvider } from './hand-written-provider';
import { ProviderAuth } from './provider-auth';
import { TerraformProviderKind } from './auth-method';
import { recordSignIn } from './sign-in-facts';
import { azuredevopsSignIn } from './sign-in/azuredevops';

/** Properties of an `AzureDevOpsProvider`. */
export interface AzureDevOpsProviderProps {
  /** The organization's URL, `https://dev.azure.com/{organization}` (`org_service_url`). */
  readonly orgServiceUrl: string;
  /** How the provider signs in. */
  readonly auth: ProviderAuth;
  /**
   * The Entra tenant (`tenant_id`).
   * @default - the tenant of the auth's identity
   */
  readonly tenantId?: string;
  /**
   * Provider alias, for several azuredevops providers in one stack.
   * @default - the default provider
   */
  readonly alias?: string;
  /**
   * The version constraint in `required_providers`. 1.11.0 and 1.11.1 could not sign in with a
   * managed identity (microsoft/terraform-provider-azuredevops#1408).
   * @default ">= 1.11.2, < 2.0.0"
   */
  readonly providerVersion?: string;
}

/**
 * The microsoft/azuredevops provider, configured for a keyless sign-in: `use_msi` for a managed
 * identity, `use_oidc` for a federated token. It always sets `use_cli = false`: the provider
 * defaults it to true, and a run would otherwise fall back silently to whoever is logged in to the
 * Azure CLI. A hand-written binding with the provider's attribute names (`azuredevops/provider.go`).
 *
 * The identity must also be a member of the organization: see `AzureDevOpsAccess`.
 *
 * @example
 * new AzureDevOpsProvider(stack, 'AzureDevOps', {
 *   orgServiceUrl: 'https://dev.azure.com/contoso', auth: ProviderAuth.managedIdentity({ identity: runner }),
 * });
 */
export class AzureDevOpsProvider extends HandWrittenProvider {
  /** The version constraint `required_providers` uses when none is given. */
  public static readonly DEFAULT_VERSION = '>= 1.11.2, < 2.0.0';

  /** How the provider signs in. */
  public readonly auth: ProviderAuth;
  /** The organization's URL. */
  public readonly orgServiceUrl: string;
  /** The tenant, when known. */
  public readonly tenantId?: string;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: AzureDevOpsProviderProps) {
    super(checkedArgs('AzureDevOpsProvider.constructor', [scope, id, props]), id, {
      terraformResourceType: 'azuredevops',
      terraformGeneratorMetadata: { providerName: 'azuredevops', providerVersion: props?.providerVersion ?? AzureDevOpsProvider.DEFAULT_VERSION },
      terraformProviderSource: 'microsoft/azuredevops',
    }, props?.alias);
    throwProblems(this, requiredProblems(props, ['orgServiceUrl', 'auth'], 'AzureDevOpsProviderProps'));
    check(this, 'orgServiceUrl', props.orgServiceUrl, orgServiceUrlRule);
    check(this, 'tenantId', props.tenantId, tenantIdRule);
    throwProblems(this, props.auth._problems);
    assertTenantsAgree(this, props.tenantId, props.auth);
    refuseResourceId(this, 'azuredevops', props.auth);
    this.auth = props.auth;
    recordSignIn(this, TerraformProviderKind.AZUREDEVOPS, props.auth);
    this.orgServiceUrl = props.orgServiceUrl;
    this.tenantId = props.tenantId ?? props.auth.tenantId;
    checkSignIn(this, TerraformProviderKind.AZUREDEVOPS, props.auth, this.tenantId);
    warnIfUnknownAtPlan(this, props.auth);
  }

  /** The block's Terraform attributes, snake_case, as the provider's schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      org_service_url: this.orgServiceUrl,
      ...azuredevopsSignIn(this.auth, this.tenantId).attributes(),
      alias: this.alias,
    };
  }
}

const orgServiceUrlRule: Rule = (value) =>
  /^https:\/\/(dev\.azure\.com\/[^/\s]+|[a-z0-9-]+\.visualstudio\.com)\/?$/i.test(value) ? undefined : {
    problem: 'an Azure DevOps organization URL is https://dev.azure.com/{organization} (or https://{organization}.visualstudio.com)',
    fix: `use e.g. "https://dev.azure.com/${value.replace(/^https?:\/\//, '').replace(/^dev\.azure\.com\//, '').split(/[/.]/)[0] || 'contoso'}"`,
  };
