import { Construct } from 'constructs';
import { Rule, check, invalid, throwProblems } from '../private/problems';
import { lowerGuid, parseIdentityResourceId, tenantIdRule } from '../private/rules';
import { checkedArgs, enumProblems, requiredProblems } from '../private/shape';
import { ProviderAuthMethod, TerraformProviderKind } from './auth-method';
import { assertTenantsAgree, checkSignIn, warnIfUnknownAtPlan } from './checks';
import { HandWrittenProvider } from './hand-written-provider';
import { ProviderAuth } from './provider-auth';
import { recordSignIn } from './sign-in-facts';
import { microsoft365SignIn } from './sign-in/microsoft365';
import { warn } from '../private/warnings';

/** The Microsoft 365 clouds the microsoft365 provider knows (its `cloud` attribute). */
export enum Microsoft365Cloud {
  /** Commercial cloud. */
  PUBLIC = 'public',
  /** US Department of Defense. */
  DOD = 'dod',
  /** US Government Community Cloud. */
  GCC = 'gcc',
  /** US Government Community Cloud High. */
  GCC_HIGH = 'gcchigh',
  /** Microsoft 365 operated by 21Vianet. */
  CHINA = 'china',
  /** US Government Secret (EX). */
  EX = 'ex',
  /** US Government Top Secret (RX). */
  RX = 'rx',
}

/** HTTP client settings of the microsoft365 provider (`client_options`); the secret-bearing proxy password is left out on purpose. */
export interface Microsoft365ClientOptions {
  /**
   * Retry failed requests.
   * @default - the provider's behaviour
   */
  readonly enableRetry?: boolean;
  /**
   * Maximum retries.
   * @default - the provider's behaviour
   */
  readonly maxRetries?: number;
  /**
   * Seconds between retries.
   * @default - the provider's behaviour
   */
  readonly retryDelaySeconds?: number;
  /**
   * Follow redirects.
   * @default - the provider's behaviour
   */
  readonly enableRedirect?: boolean;
  /**
   * Maximum redirects.
   * @default - the provider's behaviour
   */
  readonly maxRedirects?: number;
  /**
   * Compress request bodies.
   * @default - the provider's behaviour
   */
  readonly enableCompression?: boolean;
  /**
   * A custom User-Agent.
   * @default - the provider's behaviour
   */
  readonly customUserAgent?: string;
  /**
   * Log request and response headers.
   * @default - the provider's behaviour
   */
  readonly enableHeadersInspection?: boolean;
  /**
   * Route requests through a proxy (with no credentials: use a proxy that trusts the network).
   * @default - the provider's behaviour
   */
  readonly useProxy?: boolean;
  /**
   * The proxy's URL.
   * @default - none
   */
  readonly proxyUrl?: string;
  /**
   * Request timeout in seconds.
   * @default - the provider's behaviour
   */
  readonly timeoutSeconds?: number;
}

/** Properties of a `Microsoft365Provider`. */
export interface Microsoft365ProviderProps {
  /** How the provider signs in. */
  readonly auth: ProviderAuth;
  /**
   * The Entra tenant (`tenant_id`).
   * @default - the tenant of the auth's identity
   */
  readonly tenantId?: string;
  /**
   * The Microsoft 365 cloud.
   * @default - the provider's default, Microsoft365Cloud.PUBLIC
   */
  readonly cloud?: Microsoft365Cloud;
  /**
   * HTTP client settings.
   * @default - the provider's defaults
   */
  readonly clientOptions?: Microsoft365ClientOptions;
  /**
   * Opt out of the provider's telemetry.
   * @default - the provider's default
   */
  readonly telemetryOptout?: boolean;
  /**
   * Verbose provider logging.
   * @default - the provider's default
   */
  readonly debugMode?: boolean;
  /**
   * Provider alias, for several microsoft365 providers in one stack.
   * @default - the default provider
   */
  readonly alias?: string;
  /**
   * The provider version in `required_providers`. Every microsoft365 release is a pre-release
   * (`-alpha`), which Terraform selects only through an exact version, so a range is refused. The
   * library's sign-in rules were read from 0.57.1-alpha: with another version, what it refuses for
   * that version becomes a warning.
   * @default "0.57.1-alpha"
   */
  readonly providerVersion?: string;
}

/**
 * The deploymenttheory/microsoft365 provider (Intune, Entra ID, Teams and more through Graph),
 * configured for a keyless sign-in. A hand-written binding: no prebuilt one exists. Its attribute
 * names follow the provider's schema (`internal/provider/provider.go`); `entra_id_options` is a
 * nested attribute, so it synthesizes as an object.
 *
 * @example
 * new Microsoft365Provider(stack, 'M365', {
 *   tenantId, auth: ProviderAuth.managedIdentity({ clientId: '00000000-0000-0000-0000-000000000000' }),
 * });
 */
export class Microsoft365Provider extends HandWrittenProvider {
  /** The version `required_providers` pins when none is given. */
  public static readonly DEFAULT_VERSION = '0.57.1-alpha';

  /** How the provider signs in. */
  public readonly auth: ProviderAuth;
  /** The tenant, when known. */
  public readonly tenantId?: string;
  private readonly props: Microsoft365ProviderProps;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: Microsoft365ProviderProps) {
    super(checkedArgs('Microsoft365Provider.constructor', [scope, id, props]), id, {
      terraformResourceType: 'microsoft365',
      terraformGeneratorMetadata: { providerName: 'microsoft365', providerVersion: props?.providerVersion ?? Microsoft365Provider.DEFAULT_VERSION },
      terraformProviderSource: 'deploymenttheory/microsoft365',
    }, props?.alias);
    throwProblems(this, [
      ...requiredProblems(props, ['auth'], 'Microsoft365ProviderProps'),
      ...enumProblems('cloud', props.cloud, Microsoft365Cloud, 'Microsoft365Cloud', 'the microsoft365 provider knows only its own cloud names'),
    ]);
    this.props = props;
    this.auth = props.auth;
    recordSignIn(this, TerraformProviderKind.MICROSOFT365, props.auth);
    this.tenantId = lowerGuid(props.tenantId ?? props.auth.tenantId);
    check(this, 'tenantId', props.tenantId, tenantIdRule);
    throwProblems(this, props.auth._problems);
    assertTenantsAgree(this, props.tenantId, props.auth);
    const version = props.providerVersion ?? Microsoft365Provider.DEFAULT_VERSION;
    check(this, 'providerVersion', props.providerVersion, exactVersionRule);
    const pinned = version === Microsoft365Provider.DEFAULT_VERSION;
    if (props.auth.resourceId !== undefined) {
      // internal/provider/configure_clients.go sets ManagedIdentityResourceID to "" and passes managed_identity_id as a client ID.
      throw invalid(this, {
        property: 'auth.resourceId', value: props.auth.resourceId,
        problem: 'microsoft365 sends managed_identity_id to Azure as a client ID, so a resource ID never selects the identity',
        fix: `use ProviderAuth.managedIdentity({ clientId }), or ({ identity: ${lookupHint(props.auth.resourceId)} })`,
      });
    }
    if (props.auth.isSystemAssigned) {
      // internal/client/client_credential_factory.go passes azidentity.ClientID("") for a system-assigned identity,
      // which MSAL Go rejects ("empty managedidentity.UserAssignedClientID") on every run.
      const problem = `microsoft365 ${version} cannot sign in with a system-assigned identity: it sends an empty client ID, `
        + 'which the Azure SDK treats as a user-assigned identity and rejects';
      const fix = 'attach a user-assigned identity to the machine and select it by client ID: '
        + 'ProviderAuth.managedIdentity({ identity: userAssignedIdentity }) or ({ clientId })';
      if (pinned) throw invalid(this, { property: 'auth', value: 'ProviderAuth.managedIdentity()', problem, fix });
      warn(this, { rule: 'microsoft365 system-assigned sign-in', message: `${problem} (true of ${Microsoft365Provider.DEFAULT_VERSION}; the library cannot know ${version}). Fix: ${fix}.` });
    }
    checkSignIn(this, TerraformProviderKind.MICROSOFT365, props.auth, this.tenantId);
    if (props.auth.method === ProviderAuthMethod.AZURE_DEVOPS_OIDC) {
      // The Azure DevOps OIDC strategy reads AZURE_DEVOPS_FEDERATION_TOKEN once and ignores ado_service_connection_id.
      warn(this, {
        rule: 'microsoft365 Azure DevOps tokens read once',
        message: 'microsoft365 signs in to Azure DevOps OIDC with the token in AZURE_DEVOPS_FEDERATION_TOKEN, read once when '
          + 'the provider starts: the pipeline must set it (e.g. to the idToken of an AzureCLI@2 task with addSpnToEnvironment: true), '
          + 'and an apply that outlives the token fails. ProviderAuth.environment(TerraformProviderKind.MICROSOFT365) lists it.',
      });
    }
    warnIfUnknownAtPlan(this, props.auth);
  }

  /** The block's Terraform attributes, snake_case, as the provider's schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    const rendered = microsoft365SignIn(this.auth, this.tenantId).attributes();
    const entraIdOptions: { [name: string]: unknown } = {};
    const top: { [name: string]: unknown } = {};
    for (const [key, value] of Object.entries(rendered)) {
      if (key.startsWith('entra_id_options.')) entraIdOptions[key.slice('entra_id_options.'.length)] = value;
      else top[key] = value;
    }
    const client = this.props.clientOptions;
    return {
      tenant_id: top.tenant_id,
      auth_method: top.auth_method,
      cloud: this.props.cloud,
      entra_id_options: Object.keys(entraIdOptions).length ? entraIdOptions : undefined,
      client_options: client ? {
        enable_retry: client.enableRetry,
        max_retries: client.maxRetries,
        retry_delay_seconds: client.retryDelaySeconds,
        enable_redirect: client.enableRedirect,
        max_redirects: client.maxRedirects,
        enable_compression: client.enableCompression,
        custom_user_agent: client.customUserAgent,
        enable_headers_inspection: client.enableHeadersInspection,
        use_proxy: client.useProxy,
        proxy_url: client.proxyUrl,
        timeout_seconds: client.timeoutSeconds,
      } : undefined,
      telemetry_optout: this.props.telemetryOptout,
      debug_mode: this.props.debugMode,
      alias: this.alias,
    };
  }
}

/** Every microsoft365 release is a pre-release, which Terraform selects only by an exact version. */
const exactVersionRule: Rule = (value) => /^=?\s*\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(value.trim()) ? undefined : {
  problem: 'every microsoft365 release is a pre-release (-alpha), and Terraform selects a pre-release only by an exact version, never by a range',
  fix: `use an exact version such as "${Microsoft365Provider.DEFAULT_VERSION}"`,
};

/** The lookup that finds a user-assigned identity's client ID from its resource ID. */
function lookupHint(resourceId: string): string {
  const parsed = parseIdentityResourceId(resourceId);
  return parsed
    ? `UserAssignedIdentity.fromLookup(scope, id, { name: '${parsed.name}', resourceGroupName: '${parsed.resourceGroupName}' })`
    : 'UserAssignedIdentity.fromLookup(scope, id, { name, resourceGroupName })';
}
