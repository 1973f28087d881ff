import { IEntraPrincipal } from '../core/principal';
import { Problem, isLiteral, problemsOf, throwProblems } from '../private/problems';
import { clientIdRule, guid, identityResourceIdRule, lowerGuid, tenantIdRule } from '../private/rules';
import { argumentProblems, brand, enumProblems, given, requiredProblems } from '../private/shape';
import { tenantProblems } from '../private/tenants';
import { ProviderAuthMethod, TerraformProviderKind } from './auth-method';
import { azureadSignIn } from './sign-in/azuread';
import { azuredevopsSignIn } from './sign-in/azuredevops';
import { azurermSignIn } from './sign-in/azurerm';
import { microsoft365SignIn } from './sign-in/microsoft365';
import { SignInChain } from './sign-in-chain';
import { SignInSettings } from './sign-in/settings';

/** Options every auth method shares. */
export interface ProviderAuthOptions {
  /**
   * The Entra tenant to sign in to.
   * @default - the identity's tenant when `identity` is given; otherwise the provider's `tenantId`
   */
  readonly tenantId?: string;
}

/** Options of `ProviderAuth.managedIdentity`. Give at most one of them; none means system-assigned. */
export interface ManagedIdentityAuthOptions extends ProviderAuthOptions {
  /**
   * Client ID of the user-assigned identity to use.
   * @default - from `identity`, or the system-assigned identity
   */
  readonly clientId?: string;
  /**
   * Resource ID of the user-assigned identity to use. No provider selects an identity by resource ID
   * (microsoft365 sends it as a client ID), so every provider binding refuses it, with
   * `UserAssignedIdentity.fromLookup` from the name and resource group in the ID as the fix.
   * @default - from `identity`, or the system-assigned identity
   * @deprecated pass `clientId`, or `identity: UserAssignedIdentity.fromLookup(...)`
   */
  readonly resourceId?: string;
  /**
   * The identity to use: a user-assigned identity (its client ID is used) or a system-assigned one.
   * @default - the system-assigned identity, unless clientId or resourceId is given
   */
  readonly identity?: IEntraPrincipal;
}

/** Options of `ProviderAuth.workloadIdentity`. Give `clientId` or `identity`. */
export interface WorkloadIdentityAuthOptions extends ProviderAuthOptions {
  /**
   * Client ID of the user-assigned identity or app whose federated credential trusts the token.
   * @default - from `identity`
   */
  readonly clientId?: string;
  /**
   * The user-assigned identity or app whose federated credential trusts the token.
   * @default - give clientId instead
   */
  readonly identity?: IEntraPrincipal;
  /**
   * Path of the token file.
   * @default - `AZURE_FEDERATED_TOKEN_FILE` at run time (the AKS webhook sets it; the path itself changed in azure-workload-identity v1.6.0)
   */
  readonly tokenFilePath?: string;
}

/** Options of `ProviderAuth.aksWorkloadIdentity`. */
export interface AksWorkloadIdentityAuthOptions extends ProviderAuthOptions {
  /**
   * Client ID to expect; it must equal the service account's `azure.workload.identity/client-id`.
   * @default - `AZURE_CLIENT_ID` at run time, as the webhook injects it
   */
  readonly clientId?: string;
  /**
   * The identity to expect.
   * @default - give clientId, or read AZURE_CLIENT_ID at run time
   */
  readonly identity?: IEntraPrincipal;
}

/** Options of `ProviderAuth.githubActionsOidc`. Give `clientId` or `identity`. */
export interface GitHubActionsOidcAuthOptions extends ProviderAuthOptions {
  /**
   * Client ID of the identity or app that trusts the workflow.
   * @default - from `identity`
   */
  readonly clientId?: string;
  /**
   * The identity or app that trusts the workflow.
   * @default - give clientId instead
   */
  readonly identity?: IEntraPrincipal;
}

/** Options of `ProviderAuth.azureDevOpsOidc`. Give `clientId` or `identity`. */
export interface AzureDevOpsOidcAuthOptions extends GitHubActionsOidcAuthOptions {
  /**
   * The ID of the Azure DevOps service connection (workload identity federation) the pipeline uses.
   * azurerm, azuread and azuredevops take it; microsoft365 ignores it and reads the pipeline's token
   * from `AZURE_DEVOPS_FEDERATION_TOKEN` instead (see `environment`).
   */
  readonly serviceConnectionId: string;
}

/** Options of `ProviderAuth.federatedToken`. Give `clientId` or `identity`, and exactly one of `tokenFilePath` and `tokenEnvironmentVariable`. */
export interface FederatedTokenAuthOptions extends ProviderAuthOptions {
  /**
   * Client ID of the user-assigned identity or app whose federated credential trusts the token.
   * @default - from `identity`
   */
  readonly clientId?: string;
  /**
   * The user-assigned identity or app whose federated credential trusts the token.
   * @default - give clientId instead
   */
  readonly identity?: IEntraPrincipal;
  /**
   * A file the run writes the token to. microsoft365 reads it each time it needs a new access token;
   * azurerm and azuread read it once, when they start.
   * @default - give tokenEnvironmentVariable instead
   */
  readonly tokenFilePath?: string;
  /**
   * The environment variable that holds the token, e.g. the variable a GitLab job's `id_tokens`
   * names. azurerm, azuread and azuredevops read it through `ARM_OIDC_TOKEN` (environment form only);
   * microsoft365 cannot, and is refused with the fix.
   * @default - give tokenFilePath instead
   */
  readonly tokenEnvironmentVariable?: string;
}

/** Options of `ProviderAuth.hcpTerraformDynamicCredentials`. */
export interface HcpTerraformAuthOptions extends ProviderAuthOptions {
  /**
   * Client ID of the app or identity HCP Terraform signs in as (the workspace's `TFC_AZURE_RUN_CLIENT_ID`).
   * @default - from `identity`
   */
  readonly clientId?: string;
  /**
   * The app or identity HCP Terraform signs in as.
   * @default - give clientId instead
   */
  readonly identity?: IEntraPrincipal;
}

/**
 * How a Terraform provider signs in, with no secret: a managed identity, a federated token file,
 * the AKS webhook's variables, or a CI system's OIDC token. One `ProviderAuth` renders the right
 * attributes for microsoft365, azuredevops, azurerm and azuread (their names all differ), and the
 * matching environment variables.
 *
 * @example
 * new Microsoft365Provider(stack, 'M365', { auth: ProviderAuth.workloadIdentity({ identity }), tenantId });
 */
export class ProviderAuth {
  /**
   * The managed identity of the Azure compute Terraform runs on: a user-assigned identity, by
   * object or client ID, or the system-assigned identity when none is given.
   *
   * @param options the identity, by object or client ID; none for system-assigned
   */
  public static managedIdentity(options: ManagedIdentityAuthOptions = {}): ProviderAuth {
    const shape = argumentProblems('ProviderAuth.managedIdentity', [options]);
    if (shape.length) return new ProviderAuth(ProviderAuthMethod.MANAGED_IDENTITY, {}, undefined, shape, {});
    options = given(options);
    const problems: Problem[] = [];
    const { identity } = options;
    const chosen = (['identity', 'clientId', 'resourceId'] as const).filter((key) => options[key] !== undefined);
    if (chosen.length > 1) {
      problems.push({
        property: chosen.join(', '), value: chosen.map((key) => key === 'identity' ? identity!.node.path : String(options[key])).join(', '),
        problem: 'a user-assigned identity is chosen one way: by identity, by client ID or by resource ID',
        fix: chosen.includes('identity') ? 'give only identity, whose client ID the library reads' : 'give only clientId',
      });
    }
    if (identity && !identity.signIn.viaManagedIdentity) {
      problems.push({ property: 'identity', value: identity.node.path, problem: 'an app registration is not a managed identity, so Terraform cannot sign in as it through IMDS', fix: 'use ProviderAuth.workloadIdentity, githubActionsOidc or azureDevOpsOidc with the app, or pass a UserAssignedIdentity' });
    }
    const identityClientId = identity?.signIn.viaManagedIdentity ? identity.signIn.clientId : undefined;
    const clientId = options.clientId ?? identityClientId;
    problems.push(...problemsOf('clientId', options.clientId, clientIdRule), ...problemsOf('resourceId', options.resourceId, identityResourceIdRule));
    return new ProviderAuth(ProviderAuthMethod.MANAGED_IDENTITY, options, clientId, problems, { resourceId: clientId === undefined ? options.resourceId : undefined });
  }

  /**
   * A federated token in a file, exchanged for the identity or app that trusts it.
   *
   * @param options the identity or its client ID, and the token file
   */
  public static workloadIdentity(options: WorkloadIdentityAuthOptions): ProviderAuth {
    const shape = argumentProblems('ProviderAuth.workloadIdentity', [options]);
    if (shape.length) return new ProviderAuth(ProviderAuthMethod.WORKLOAD_IDENTITY, {}, undefined, shape, {});
    return ProviderAuth.federated(ProviderAuthMethod.WORKLOAD_IDENTITY, given(options), true, { tokenFilePath: options?.tokenFilePath });
  }

  /**
   * Kubernetes workload identity on AKS: everything is read at run time from the variables the
   * webhook injects (`AZURE_CLIENT_ID`, `AZURE_TENANT_ID`, `AZURE_FEDERATED_TOKEN_FILE`).
   *
   * @param options the identity or client ID to expect, if known at synth time
   */
  public static aksWorkloadIdentity(options: AksWorkloadIdentityAuthOptions = {}): ProviderAuth {
    const shape = argumentProblems('ProviderAuth.aksWorkloadIdentity', [options]);
    if (shape.length) return new ProviderAuth(ProviderAuthMethod.AKS_WORKLOAD_IDENTITY, {}, undefined, shape, {});
    return ProviderAuth.federated(ProviderAuthMethod.AKS_WORKLOAD_IDENTITY, given(options), false, {});
  }

  /**
   * GitHub Actions' OIDC token, requested from the runner (the job needs `permissions: id-token: write`).
   *
   * @param options the identity or app that trusts the workflow
   */
  public static githubActionsOidc(options: GitHubActionsOidcAuthOptions): ProviderAuth {
    const shape = argumentProblems('ProviderAuth.githubActionsOidc', [options]);
    if (shape.length) return new ProviderAuth(ProviderAuthMethod.GITHUB_ACTIONS_OIDC, {}, undefined, shape, {});
    return ProviderAuth.federated(ProviderAuthMethod.GITHUB_ACTIONS_OIDC, given(options), true, {});
  }

  /**
   * An Azure DevOps pipeline's OIDC token, for a workload identity federation service connection.
   *
   * @param options the identity or app, and the service connection
   */
  public static azureDevOpsOidc(options: AzureDevOpsOidcAuthOptions): ProviderAuth {
    const shape = argumentProblems('ProviderAuth.azureDevOpsOidc', [options]);
    if (shape.length) return new ProviderAuth(ProviderAuthMethod.AZURE_DEVOPS_OIDC, {}, undefined, shape, {});
    options = given(options);
    const id = options.serviceConnectionId;
    return ProviderAuth.federated(ProviderAuthMethod.AZURE_DEVOPS_OIDC, options, true, { serviceConnectionId: id }, [
      ...requiredProblems(options, ['serviceConnectionId'], 'AzureDevOpsOidcAuthOptions'),
      ...problemsOf('serviceConnectionId', id, guid('service connection ID',
        'Project settings > Service connections > the connection: the resourceId in the page URL, or `az devops service-endpoint list --query [].id`')),
    ]);
  }

  /**
   * A federated token the run puts in a file or an environment variable: a GitLab job's ID token,
   * another OIDC issuer's token, or the managed-identity token of an Azure machine that an app trusts
   * (see `Runner.azureCompute`). microsoft365 signs in with its `oidc` method, the others with `use_oidc`.
   *
   * @param options the identity or app, and where the token is
   */
  public static federatedToken(options: FederatedTokenAuthOptions): ProviderAuth {
    const shape = argumentProblems('ProviderAuth.federatedToken', [options]);
    if (shape.length) return new ProviderAuth(ProviderAuthMethod.FEDERATED_TOKEN, {}, undefined, shape, {});
    options = given(options);
    const places = (['tokenFilePath', 'tokenEnvironmentVariable'] as const).filter((key) => options[key] !== undefined);
    const more: Problem[] = places.length === 1 ? [] : [{
      property: 'tokenFilePath, tokenEnvironmentVariable', value: places.map((key) => options[key]).join(', '),
      problem: places.length ? 'the token is in one place: a file or a variable' : 'the provider must know where the run puts the token',
      fix: 'give exactly one of tokenFilePath and tokenEnvironmentVariable',
    }];
    more.push(...problemsOf('tokenEnvironmentVariable', options.tokenEnvironmentVariable, (v) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? undefined : {
      problem: 'an environment variable name has only letters, digits and "_", and does not start with a digit', fix: 'give the bare name, without "$"',
    }));
    return ProviderAuth.federated(ProviderAuthMethod.FEDERATED_TOKEN, options, true,
      { tokenFilePath: options.tokenFilePath, tokenEnvironmentVariable: options.tokenEnvironmentVariable }, more);
  }

  /**
   * HCP Terraform's dynamic credentials: HCP Terraform exchanges the run's token and hands it to
   * azurerm and azuread, so their blocks set neither the client ID nor `use_oidc`; the workspace sets
   * `TFC_AZURE_PROVIDER_AUTH` and `TFC_AZURE_RUN_CLIENT_ID` (see `environment`). microsoft365 and
   * azuredevops have no such path and refuse it.
   *
   * @param options the identity or client ID HCP Terraform signs in as, and the tenant
   */
  public static hcpTerraformDynamicCredentials(options: HcpTerraformAuthOptions = {}): ProviderAuth {
    const shape = argumentProblems('ProviderAuth.hcpTerraformDynamicCredentials', [options]);
    if (shape.length) return new ProviderAuth(ProviderAuthMethod.HCP_TERRAFORM_DYNAMIC_CREDENTIALS, {}, undefined, shape, {});
    return ProviderAuth.federated(ProviderAuthMethod.HCP_TERRAFORM_DYNAMIC_CREDENTIALS, given(options), false, {});
  }

  private static federated(method: ProviderAuthMethod, options: WorkloadIdentityAuthOptions, clientIdRequired: boolean, extra: Extra, more: Problem[] = []): ProviderAuth {
    const problems: Problem[] = [];
    const { identity } = options;
    if (identity && !identity.signIn.viaFederation) {
      problems.push({ property: 'identity', value: identity.node.path, problem: 'a system-assigned identity cannot hold federated credentials, so no token can be exchanged for it', fix: 'use ProviderAuth.managedIdentity for it, or federate a UserAssignedIdentity or AppRegistration' });
    }
    const identityClientId = identity?.signIn.viaFederation ? identity.signIn.clientId : undefined;
    const clientId = options.clientId ?? identityClientId;
    problems.push(...agree('clientId', options.clientId, identityClientId), ...problemsOf('clientId', options.clientId, clientIdRule));
    if (clientIdRequired && clientId === undefined && problems.length === 0) {
      problems.push({ property: 'clientId', value: undefined, problem: 'this auth method needs the client ID of the identity or app that trusts the token', fix: 'pass clientId, or identity' });
    }
    return new ProviderAuth(method, options, clientId, [...problems, ...more], extra);
  }

  /** The sign-in method. */
  public readonly method: ProviderAuthMethod;
  /** Client ID of the user-assigned identity or app, when known at synth time. */
  public readonly clientId?: string;
  /** Resource ID of the user-assigned identity, when that is all that was given. */
  public readonly resourceId?: string;
  /** The tenant, when known. */
  public readonly tenantId?: string;
  /** Path of the federated token file, when given. */
  public readonly tokenFilePath?: string;
  /** Azure DevOps service connection ID, for `azureDevOpsOidc`. */
  public readonly serviceConnectionId?: string;
  /** The environment variable that holds the federated token, for `federatedToken`. */
  public readonly tokenEnvironmentVariable?: string;
  /** The identity signed in as, when given. */
  public readonly identity?: IEntraPrincipal;
  /** @internal */
  public readonly _problems: Problem[];
  /**
   * Where Terraform runs and what its token must match, when a runner made this auth.
   * @internal
   */
  public _chain?: SignInChain;

  private constructor(method: ProviderAuthMethod, options: ProviderAuthOptions & { identity?: IEntraPrincipal }, clientId: string | undefined, problems: Problem[], extra: Extra) {
    brand(this, 'ProviderAuth');
    this.method = method;
    this.identity = options.identity;
    this.clientId = lowerGuid(clientId);
    this.resourceId = extra.resourceId;
    this.tokenFilePath = extra.tokenFilePath;
    this.serviceConnectionId = extra.serviceConnectionId;
    this.tokenEnvironmentVariable = extra.tokenEnvironmentVariable;
    const identityTenant = options.identity?.tenantId;
    this.tenantId = lowerGuid(options.tenantId ?? identityTenant);
    // Named as the user wrote them (`auth.clientId`), since the provider reports them under its own path.
    this._problems = [...problems, ...tenantProblems('tenantId', options.tenantId, options.identity), ...problemsOf('tenantId', options.tenantId, tenantIdRule)]
      .map((p) => ({ ...p, property: p.property.split(', ').map((name) => `auth.${name}`).join(', ') }));
  }

  /** True when the sign-in exchanges a federated token (every method but the managed identity), so the provider needs a tenant. */
  public get federated(): boolean {
    return this.method !== ProviderAuthMethod.MANAGED_IDENTITY;
  }

  /** True for the system-assigned identity of the compute Terraform runs on. */
  public get isSystemAssigned(): boolean {
    return this.method === ProviderAuthMethod.MANAGED_IDENTITY && this.clientId === undefined && this.resourceId === undefined;
  }

  /**
   * The environment variables that make `provider` sign in this way, for a pipeline or pod that
   * configures Terraform through its environment. A value written `$NAME` means "the value of NAME at
   * run time" (e.g. `ARM_OIDC_TOKEN_FILE_PATH=$AZURE_FEDERATED_TOKEN_FILE`): expand it in the shell.
   * A value written `$(Name)` is an Azure Pipelines variable, mapped in the step's `env:`
   * (`SYSTEM_ACCESSTOKEN: $(System.AccessToken)`). azurerm needs `ARM_SUBSCRIPTION_ID`, which the run
   * must provide. An empty value clears a variable that would override keyless sign-in
   * (`AZDO_PERSONAL_ACCESS_TOKEN` for azuredevops). Values that are references to resources resolve
   * only within their stack.
   *
   * @param provider the provider whose variables to list
   */
  public environment(provider: TerraformProviderKind): { [name: string]: string } {
    throwProblems(undefined, [...this._problems, ...providerKindProblems(provider)]);
    const settings = this._settings(provider, this.tenantId);
    throwProblems(undefined, settings.problems(this, 'environment'));
    return settings.environment();
  }

  /**
   * The variables a run that configures `provider` through its block must unset, because the provider
   * would read them instead of, or before, what the block says (client secrets and certificates,
   * a stray client ID, for microsoft365 its own variables). The environment form empties them instead.
   *
   * @param provider the provider whose variables to list
   */
  public variablesToUnset(provider: TerraformProviderKind): string[] {
    throwProblems(undefined, providerKindProblems(provider));
    return this._settings(provider, this.tenantId).mustUnset();
  }

  /**
   * The provider's settings for this sign-in.
   * @internal
   */
  public _settings(provider: TerraformProviderKind, tenantId: string | undefined): SignInSettings {
    return SIGN_IN[provider](this, tenantId);
  }
}

interface Extra {
  readonly resourceId?: string;
  readonly tokenFilePath?: string;
  readonly tokenEnvironmentVariable?: string;
  readonly serviceConnectionId?: string;
}

/** Each provider's renderer: its attributes and its environment variables, side by side. */
const SIGN_IN: { [provider: string]: (auth: ProviderAuth, tenantId: string | undefined) => SignInSettings } = {
  [TerraformProviderKind.MICROSOFT365]: microsoft365SignIn,
  [TerraformProviderKind.AZUREDEVOPS]: azuredevopsSignIn,
  [TerraformProviderKind.AZURERM]: azurermSignIn,
  [TerraformProviderKind.AZUREAD]: azureadSignIn,
};

/** Two literal values for the same thing must be equal. */
function agree(property: string, given: string | undefined, fromIdentity: string | undefined): Problem[] {
  if (!isLiteral(given) || !isLiteral(fromIdentity) || given.toLowerCase() === fromIdentity.toLowerCase()) return [];
  return [{ property, value: given, problem: `the identity's ${property} is "${fromIdentity}"`, fix: `drop ${property}, or make it match the identity` }];
}

/** `environment()` takes a TerraformProviderKind; a plain JavaScript caller may pass anything. */
export function providerKindProblems(provider: unknown): Problem[] {
  if (typeof provider !== 'string') return argumentProblems('ProviderAuth.environment', [provider]);
  return enumProblems('provider', provider, TerraformProviderKind, 'TerraformProviderKind');
}
