import { Problem, throwProblems } from '../private/problems';
import { clientIdRule, identityResourceIdRule, tenantIdRule, Violation } from '../private/rules';
import { isLiteral } from '../private/validate';
import { IFederatedIdentityTarget, IPrincipal, PrincipalKind } from '../principals/principal';

/** The Terraform providers this library configures. */
export enum TerraformProviderKind {
  /** deploymenttheory/microsoft365. */
  MICROSOFT365 = 'microsoft365',
  /** microsoft/azuredevops. */
  AZUREDEVOPS = 'azuredevops',
  /** hashicorp/azurerm. */
  AZURERM = 'azurerm',
  /** hashicorp/azuread. */
  AZUREAD = 'azuread',
}

/** How Terraform signs in. */
export enum ProviderAuthMethod {
  /** The managed identity of the Azure compute Terraform runs on (IMDS). */
  MANAGED_IDENTITY = 'ManagedIdentity',
  /** A federated token read from a file (Kubernetes workload identity, or any projected token). */
  WORKLOAD_IDENTITY = 'WorkloadIdentity',
  /** The AKS workload identity webhook's injected variables, read at run time. */
  AKS_WORKLOAD_IDENTITY = 'AksWorkloadIdentity',
  /** A GitHub Actions OIDC token, requested from the runner. */
  GITHUB_ACTIONS_OIDC = 'GitHubActionsOidc',
  /** An Azure DevOps service connection's OIDC token, requested from the pipeline. */
  AZURE_DEVOPS_OIDC = 'AzureDevOpsOidc',
}

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
   * Resource ID of the user-assigned identity to use. Only microsoft365 takes it, and it selects the
   * identity by client ID anyway: prefer `clientId` (a warning says so).
   * @default - from `identity`, or the system-assigned identity
   */
  readonly resourceId?: string;
  /**
   * The identity to use: a user-assigned identity (its client ID is used) or a system-assigned one.
   * @default - the system-assigned identity, unless clientId or resourceId is given
   */
  readonly identity?: IPrincipal;
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
  readonly identity?: IPrincipal;
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
  readonly identity?: IPrincipal;
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
  readonly identity?: IPrincipal;
}

/** Options of `ProviderAuth.azureDevOpsOidc`. Give `clientId` or `identity`. */
export interface AzureDevOpsOidcAuthOptions extends GitHubActionsOidcAuthOptions {
  /** The ID of the Azure DevOps service connection (workload identity federation) the pipeline uses. */
  readonly serviceConnectionId: string;
}

/** A provider attribute or environment variable the auth sets. */
interface Setting {
  readonly [name: string]: string | boolean | undefined;
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
   * The managed identity of the Azure compute Terraform runs on: a user-assigned identity by
   * client ID (or resource ID, microsoft365 only), or the system-assigned identity when none is given.
   */
  public static managedIdentity(options: ManagedIdentityAuthOptions = {}): ProviderAuth {
    const problems: Problem[] = [];
    const { identity } = options;
    if (options.clientId !== undefined && options.resourceId !== undefined) {
      problems.push({ property: 'clientId, resourceId', value: `${options.clientId}, ${options.resourceId}`, problem: 'a user-assigned identity is chosen by client ID or by resource ID, not both', fix: 'give only clientId' });
    }
    if (identity?.principalKind === PrincipalKind.APPLICATION) {
      problems.push({ property: 'identity', value: identity.node.path, problem: 'an app registration is not a managed identity, so Terraform cannot sign in as it through IMDS', fix: 'use ProviderAuth.workloadIdentity, githubActionsOidc or azureDevOpsOidc with the app, or pass a UserAssignedIdentity' });
    }
    const identityClientId = identity?.principalKind === PrincipalKind.USER_ASSIGNED_IDENTITY ? clientIdOf(identity) : undefined;
    const clientId = options.clientId ?? identityClientId;
    problems.push(...agree('clientId', options.clientId, identityClientId));
    problems.push(...literalCheck('clientId', options.clientId, clientIdRule), ...literalCheck('resourceId', options.resourceId, identityResourceIdRule));
    return new ProviderAuth(ProviderAuthMethod.MANAGED_IDENTITY, options, clientId, problems, { resourceId: clientId === undefined ? options.resourceId : undefined });
  }

  /** A federated token in a file, exchanged for the identity or app that trusts it. */
  public static workloadIdentity(options: WorkloadIdentityAuthOptions): ProviderAuth {
    return ProviderAuth.federated(ProviderAuthMethod.WORKLOAD_IDENTITY, options, true, { tokenFilePath: options.tokenFilePath });
  }

  /**
   * Kubernetes workload identity on AKS: everything is read at run time from the variables the
   * webhook injects (`AZURE_CLIENT_ID`, `AZURE_TENANT_ID`, `AZURE_FEDERATED_TOKEN_FILE`).
   */
  public static aksWorkloadIdentity(options: AksWorkloadIdentityAuthOptions = {}): ProviderAuth {
    return ProviderAuth.federated(ProviderAuthMethod.AKS_WORKLOAD_IDENTITY, options, false, {});
  }

  /** GitHub Actions' OIDC token, requested from the runner (the job needs `permissions: id-token: write`). */
  public static githubActionsOidc(options: GitHubActionsOidcAuthOptions): ProviderAuth {
    return ProviderAuth.federated(ProviderAuthMethod.GITHUB_ACTIONS_OIDC, options, true, {});
  }

  /** An Azure DevOps pipeline's OIDC token, for a workload identity federation service connection. */
  public static azureDevOpsOidc(options: AzureDevOpsOidcAuthOptions): ProviderAuth {
    const id = options.serviceConnectionId;
    return ProviderAuth.federated(ProviderAuthMethod.AZURE_DEVOPS_OIDC, options, true, { serviceConnectionId: id }, isLiteral(id) && !id.trim()
      ? [{ property: 'serviceConnectionId', value: id, problem: 'a service connection ID is needed', fix: 'copy it from Project settings > Service connections (the resourceId in the URL)' }]
      : []);
  }

  private static federated(method: ProviderAuthMethod, options: WorkloadIdentityAuthOptions, clientIdRequired: boolean, extra: Extra, more: Problem[] = []): ProviderAuth {
    const problems: Problem[] = [];
    const { identity } = options;
    if (identity?.principalKind === PrincipalKind.SYSTEM_ASSIGNED_IDENTITY) {
      problems.push({ property: 'identity', value: identity.node.path, problem: 'a system-assigned identity cannot hold federated credentials, so no token can be exchanged for it', fix: 'use ProviderAuth.managedIdentity for it, or federate a UserAssignedIdentity or AppRegistration' });
    }
    const identityClientId = identity && identity.principalKind !== PrincipalKind.SYSTEM_ASSIGNED_IDENTITY ? clientIdOf(identity) : undefined;
    const clientId = options.clientId ?? identityClientId;
    problems.push(...agree('clientId', options.clientId, identityClientId), ...literalCheck('clientId', options.clientId, clientIdRule));
    if (clientIdRequired && clientId === undefined && problems.length === 0) {
      problems.push({ property: 'clientId', value: '', problem: 'this auth method needs the client ID of the identity or app that trusts the token', fix: 'pass clientId, or identity' });
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
  /** The identity signed in as, when given. */
  public readonly identity?: IPrincipal;
  /** @internal */
  public readonly _problems: Problem[];

  private constructor(method: ProviderAuthMethod, options: ProviderAuthOptions & { identity?: IPrincipal }, clientId: string | undefined, problems: Problem[], extra: Extra) {
    this.method = method;
    this.identity = options.identity;
    this.clientId = clientId;
    this.resourceId = extra.resourceId;
    this.tokenFilePath = extra.tokenFilePath;
    this.serviceConnectionId = extra.serviceConnectionId;
    const identityTenant = options.identity?.tenantId;
    this.tenantId = options.tenantId ?? identityTenant;
    // Named as the user wrote them (`auth.clientId`), since the provider reports them under its own path.
    this._problems = [...problems, ...agree('tenantId', options.tenantId, identityTenant), ...literalCheck('tenantId', options.tenantId, tenantIdRule)]
      .map((p) => ({ ...p, property: p.property.split(', ').map((name) => `auth.${name}`).join(', ') }));
  }

  /** True for the system-assigned identity of the compute Terraform runs on. */
  public get isSystemAssigned(): boolean {
    return this.method === ProviderAuthMethod.MANAGED_IDENTITY && this.clientId === undefined && this.resourceId === undefined;
  }

  /**
   * The environment variables that make `provider` sign in this way, for a pipeline or pod that
   * configures Terraform through its environment. A value written `$NAME` means "the value of NAME at
   * run time" (e.g. `ARM_OIDC_TOKEN_FILE_PATH=$AZURE_FEDERATED_TOKEN_FILE`): expand it in the shell.
   * Values that are references to resources resolve only within their stack.
   */
  public environment(provider: TerraformProviderKind): { [name: string]: string } {
    throwProblems(undefined, this._problems);
    const settings = this._render(provider, this.tenantId, 'env');
    const env: { [name: string]: string } = {};
    for (const [name, value] of Object.entries(settings)) {
      if (value !== undefined) env[name] = String(value);
    }
    return env;
  }

  /**
   * Provider attributes (snake_case) or environment variables for one provider.
   * @internal
   */
  public _render(provider: TerraformProviderKind, tenantId: string | undefined, form: 'attributes' | 'env'): Setting {
    const table = form === 'env' ? ENV_NAMES[provider] : undefined;
    const name = (attribute: string) => table ? table[attribute] : attribute;
    const out: { [name: string]: string | boolean | undefined } = {};
    const set = (attribute: string, value: string | boolean | undefined) => {
      const key = name(attribute);
      if (key !== undefined && value !== undefined) out[key] = value;
    };
    const m = this.method;
    const clientId = this.clientId;
    const runtime = (variable: string) => (form === 'env' ? `$${variable}` : undefined);

    if (provider === TerraformProviderKind.MICROSOFT365) {
      set('tenant_id', tenantId);
      set('auth_method', M365_METHODS[m]);
      if (m === ProviderAuthMethod.MANAGED_IDENTITY) {
        set('entra_id_options.managed_identity_id', clientId ?? this.resourceId);
      } else {
        set('entra_id_options.client_id', clientId);
        set('entra_id_options.federated_token_file_path', this.tokenFilePath);
        set('entra_id_options.ado_service_connection_id', this.serviceConnectionId);
      }
      return out;
    }

    // azuredevops, azurerm and azuread share the ARM_* conventions, with differences below.
    set('use_cli', false);
    if (m === ProviderAuthMethod.MANAGED_IDENTITY) {
      set('use_msi', true);
      set('client_id', clientId);
      set('tenant_id', tenantId);
      return out;
    }
    if (m === ProviderAuthMethod.AKS_WORKLOAD_IDENTITY && provider === TerraformProviderKind.AZURERM) {
      // azurerm reads AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_FEDERATED_TOKEN_FILE itself.
      set('use_aks_workload_identity', true);
      set('client_id', clientId);
      set('tenant_id', tenantId);
      return out;
    }
    set('use_oidc', true);
    set('client_id', clientId ?? (m === ProviderAuthMethod.AKS_WORKLOAD_IDENTITY ? runtime('AZURE_CLIENT_ID') : undefined));
    set('tenant_id', tenantId ?? (m === ProviderAuthMethod.AKS_WORKLOAD_IDENTITY ? runtime('AZURE_TENANT_ID') : undefined));
    if (m === ProviderAuthMethod.WORKLOAD_IDENTITY || m === ProviderAuthMethod.AKS_WORKLOAD_IDENTITY) {
      // azuread ignores AZURE_FEDERATED_TOKEN_FILE (hashicorp/terraform-provider-azuread#1688), so it
      // gets the path explicitly; never hard-coded, since it moved in azure-workload-identity v1.6.0.
      const needsExplicitPath = provider === TerraformProviderKind.AZUREAD || provider === TerraformProviderKind.AZURERM;
      set('oidc_token_file_path', this.tokenFilePath ?? (needsExplicitPath ? runtime('AZURE_FEDERATED_TOKEN_FILE') : undefined));
    }
    if (m === ProviderAuthMethod.AZURE_DEVOPS_OIDC) {
      set(provider === TerraformProviderKind.AZUREDEVOPS ? 'oidc_azure_service_connection_id' : 'ado_pipeline_service_connection_id', this.serviceConnectionId);
    }
    return out;
  }
}

interface Extra {
  readonly resourceId?: string;
  readonly tokenFilePath?: string;
  readonly serviceConnectionId?: string;
}

const M365_METHODS: { [method: string]: string } = {
  [ProviderAuthMethod.MANAGED_IDENTITY]: 'managed_identity',
  [ProviderAuthMethod.WORKLOAD_IDENTITY]: 'workload_identity',
  [ProviderAuthMethod.AKS_WORKLOAD_IDENTITY]: 'workload_identity',
  [ProviderAuthMethod.GITHUB_ACTIONS_OIDC]: 'oidc_github',
  [ProviderAuthMethod.AZURE_DEVOPS_OIDC]: 'oidc_azure_devops',
};

/**
 * Environment variable per provider attribute, read from each provider's source
 * (microsoft365 internal/provider/set_configuration.go; azuredevops/azurerm/azuread provider.go).
 * microsoft365 lets the environment override its HCL, so its managed identity goes in
 * M365_MANAGED_IDENTITY_ID, which wins over an AZURE_CLIENT_ID a webhook may have set.
 */
const ENV_NAMES: { [provider: string]: { [attribute: string]: string } } = {
  [TerraformProviderKind.MICROSOFT365]: {
    'tenant_id': 'M365_TENANT_ID',
    'auth_method': 'M365_AUTH_METHOD',
    'entra_id_options.managed_identity_id': 'M365_MANAGED_IDENTITY_ID',
    'entra_id_options.client_id': 'M365_CLIENT_ID',
    'entra_id_options.federated_token_file_path': 'AZURE_FEDERATED_TOKEN_FILE',
    'entra_id_options.ado_service_connection_id': 'ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID',
  },
  [TerraformProviderKind.AZUREDEVOPS]: {
    use_cli: 'ARM_USE_CLI', use_msi: 'ARM_USE_MSI', use_oidc: 'ARM_USE_OIDC', client_id: 'ARM_CLIENT_ID', tenant_id: 'ARM_TENANT_ID',
    oidc_token_file_path: 'ARM_OIDC_TOKEN_FILE_PATH', oidc_azure_service_connection_id: 'ARM_OIDC_AZURE_SERVICE_CONNECTION_ID',
  },
  [TerraformProviderKind.AZURERM]: {
    use_cli: 'ARM_USE_CLI', use_msi: 'ARM_USE_MSI', use_oidc: 'ARM_USE_OIDC', use_aks_workload_identity: 'ARM_USE_AKS_WORKLOAD_IDENTITY',
    client_id: 'ARM_CLIENT_ID', tenant_id: 'ARM_TENANT_ID', oidc_token_file_path: 'ARM_OIDC_TOKEN_FILE_PATH',
    ado_pipeline_service_connection_id: 'ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID',
  },
  [TerraformProviderKind.AZUREAD]: {
    use_cli: 'ARM_USE_CLI', use_msi: 'ARM_USE_MSI', use_oidc: 'ARM_USE_OIDC', client_id: 'ARM_CLIENT_ID', tenant_id: 'ARM_TENANT_ID',
    oidc_token_file_path: 'ARM_OIDC_TOKEN_FILE_PATH', ado_pipeline_service_connection_id: 'ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID',
  },
};

/** User-assigned identities and apps have a client ID; system-assigned identities do not. */
function clientIdOf(identity: IPrincipal): string | undefined {
  return (identity as Partial<IFederatedIdentityTarget>).clientId;
}

function literalCheck(property: string, value: string | undefined, rule: (v: string) => Violation | undefined): Problem[] {
  if (!isLiteral(value)) return [];
  const violation = rule(value);
  return violation ? [{ property, value, ...violation }] : [];
}

/** Two literal values for the same thing must be equal. */
function agree(property: string, given: string | undefined, fromIdentity: string | undefined): Problem[] {
  if (!isLiteral(given) || !isLiteral(fromIdentity) || given.toLowerCase() === fromIdentity.toLowerCase()) return [];
  return [{ property, value: given, problem: `the identity's ${property} is "${fromIdentity}"`, fix: `drop ${property}, or make it match the identity` }];
}
