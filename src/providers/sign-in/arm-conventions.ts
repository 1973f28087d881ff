import { ProviderAuthMethod } from '../auth-method';
import { SettingName, SignInFacts, SignInSettings } from './settings';

/** The ARM_* settings azurerm, azuread and azuredevops share, each provider with its own attribute names. */
export interface ArmSignInNames {
  /** The provider's name, for messages. */
  readonly provider: string;
  readonly useCli: SettingName;
  readonly useMsi: SettingName;
  readonly useOidc: SettingName;
  readonly clientId: SettingName;
  readonly tenantId: SettingName;
  readonly oidcToken: SettingName;
  readonly oidcTokenFilePath: SettingName;
  /** The setting that names the Azure DevOps service connection. */
  readonly serviceConnectionId: SettingName;
  /** Every variable the provider reads a service connection ID from, in order. */
  readonly serviceConnectionVariables: string[];
  /** azurerm only: sign in with the AKS webhook's variables, read by the provider itself. */
  readonly useAksWorkloadIdentity?: SettingName;
  /**
   * Whether the provider needs the token file's path spelled out: azuread ignores
   * AZURE_FEDERATED_TOKEN_FILE (hashicorp/terraform-provider-azuread#1688) and azurerm reads it only
   * with use_aks_workload_identity.
   */
  readonly needsTokenFilePath: boolean;
  /** Whether the provider reads the AKS webhook's AZURE_TENANT_ID by itself when nothing else names a tenant. */
  readonly readsWebhookTenant: boolean;
  /** Client secrets and certificates the provider reads from the environment: each beats every keyless method. */
  readonly secretVariables: string[];
  /** Where the provider reads a client ID from, in order: a stray one makes a system-assigned sign-in use another identity. */
  readonly clientIdVariables: string[];
  /** Where the provider reads a token file's path from, besides the setting itself. */
  readonly tokenFileVariables: string[];
  /**
   * Why the provider has no HCP Terraform dynamic-credentials path, when it has none.
   * @default - it has one
   */
  readonly noHcpPath?: string;
}

/**
 * What go-azure-sdk's `sdk/auth/auth.go` (vendored by azurerm 4.55 and azuread 3.7) tries before any
 * keyless method: a client certificate, then a client secret, each only when its value is not blank
 * (`strings.TrimSpace(...) != ""`). The providers read them through terraform-plugin-sdk's
 * `EnvDefaultFunc`, which treats an empty variable as unset (azuread `internal/provider/provider.go`).
 */
const HASHICORP_SECRETS = ['ARM_CLIENT_CERTIFICATE', 'ARM_CLIENT_CERTIFICATE_PATH', 'ARM_CLIENT_CERTIFICATE_PASSWORD', 'ARM_CLIENT_SECRET', 'ARM_CLIENT_SECRET_FILE_PATH'];

/**
 * The names azurerm and azuread share: the prebuilt bindings' config and the ARM_* variables their
 * internal/provider/provider.go reads.
 */
export const HASHICORP_ARM_NAMES: ArmSignInNames = {
  provider: 'azuread',
  useCli: { attribute: 'useCli', variable: 'ARM_USE_CLI' },
  useMsi: { attribute: 'useMsi', variable: 'ARM_USE_MSI' },
  useOidc: { attribute: 'useOidc', variable: 'ARM_USE_OIDC' },
  clientId: { attribute: 'clientId', variable: 'ARM_CLIENT_ID' },
  tenantId: { attribute: 'tenantId', variable: 'ARM_TENANT_ID' },
  oidcToken: { attribute: 'oidcToken', variable: 'ARM_OIDC_TOKEN' },
  oidcTokenFilePath: { attribute: 'oidcTokenFilePath', variable: 'ARM_OIDC_TOKEN_FILE_PATH' },
  serviceConnectionId: { attribute: 'adoPipelineServiceConnectionId', variable: 'ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID' },
  serviceConnectionVariables: ['ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID', 'ARM_OIDC_AZURE_SERVICE_CONNECTION_ID'],
  needsTokenFilePath: true,
  readsWebhookTenant: false,
  secretVariables: HASHICORP_SECRETS,
  clientIdVariables: ['ARM_CLIENT_ID', 'ARM_CLIENT_ID_FILE_PATH'],
  tokenFileVariables: [],
};

/**
 * A keyless sign-in in the ARM conventions. `use_cli = false` always, so that a run never falls
 * back to whoever is logged in to the Azure CLI. The token file's path is never hard-coded: it
 * moved in azure-workload-identity v1.6.0.
 */
export function armSignIn(names: ArmSignInNames, auth: SignInFacts, tenantId: string | undefined): SignInSettings {
  const settings = new SignInSettings().set(names.useCli, false).defeats(...names.secretVariables);
  const aks = auth.method === ProviderAuthMethod.AKS_WORKLOAD_IDENTITY;
  settings.tenantIn(names.tenantId, names.provider, `tenant_id or ${names.tenantId.variable}`, aks && names.readsWebhookTenant ? 'AZURE_TENANT_ID' : undefined);
  if (auth.method === ProviderAuthMethod.MANAGED_IDENTITY) {
    // A system-assigned sign-in sends no client ID: a stray one would select another identity
    // (go-azure-sdk managed_identity_authorizer.go adds client_id only when it is not empty).
    if (auth.clientId === undefined) settings.defeats(...names.clientIdVariables);
    // Every OIDC authorizer is tried before the managed identity once use_oidc (or, in azurerm,
    // use_aks_workload_identity) is on (go-azure-sdk sdk/auth/auth.go; azuredevops aztfauth.go): a
    // stray ARM_USE_OIDC=true on a self-hosted runner would sign in as the runner's token instead.
    settings.set(names.useOidc, false);
    if (names.useAksWorkloadIdentity) settings.set(names.useAksWorkloadIdentity, false);
    return settings.set(names.useMsi, true).set(names.clientId, auth.clientId).set(names.tenantId, tenantId);
  }
  if (auth.method === ProviderAuthMethod.HCP_TERRAFORM_DYNAMIC_CREDENTIALS) return hcpSignIn(names, settings, auth, tenantId);
  if (aks && names.useAksWorkloadIdentity) {
    return settings.set(names.useAksWorkloadIdentity, true).set(names.clientId, auth.clientId).set(names.tenantId, tenantId);
  }
  settings.set(names.useOidc, true);
  orFromRuntime(settings, names.clientId, auth.clientId, aks ? 'AZURE_CLIENT_ID' : undefined);
  orFromRuntime(settings, names.tenantId, tenantId, aks ? 'AZURE_TENANT_ID' : undefined);
  if (auth.method === ProviderAuthMethod.WORKLOAD_IDENTITY || aks) {
    orFromRuntime(settings, names.oidcTokenFilePath, auth.tokenFilePath, names.needsTokenFilePath ? 'AZURE_FEDERATED_TOKEN_FILE' : undefined);
    return settings.defeats(names.oidcToken.variable);
  }
  if (auth.method === ProviderAuthMethod.FEDERATED_TOKEN) {
    if (auth.tokenEnvironmentVariable !== undefined) {
      return settings.fromRuntime(names.oidcToken, auth.tokenEnvironmentVariable).defeats(names.oidcTokenFilePath.variable, ...names.tokenFileVariables);
    }
    return settings.set(names.oidcTokenFilePath, auth.tokenFilePath).defeats(names.oidcToken.variable);
  }
  // A token given directly (ARM_OIDC_TOKEN) or in a file is tried before a CI system's token request
  // (go-azure-sdk sdk/auth/auth.go; azuredevops aztfauth.go): a stray one would win.
  settings.defeats(names.oidcToken.variable, names.oidcTokenFilePath.variable, ...names.tokenFileVariables);
  if (auth.method === ProviderAuthMethod.GITHUB_ACTIONS_OIDC) {
    // The Azure DevOps authorizer is tried before GitHub's whenever a service connection ID is set, and
    // ARM_OIDC_REQUEST_URL / ARM_OIDC_REQUEST_TOKEN are read before GitHub's ACTIONS_ID_TOKEN_REQUEST_*
    // (azurerm internal/provider/provider.go; azuredevops azuredevops/provider.go, MultiEnvDefaultFunc
    // skips an empty one): stray values would send the token request elsewhere.
    settings.defeats(...names.serviceConnectionVariables, 'ARM_OIDC_REQUEST_URL', 'ARM_OIDC_REQUEST_TOKEN');
  }
  if (auth.method === ProviderAuthMethod.AZURE_DEVOPS_OIDC) {
    settings.set(names.serviceConnectionId, auth.serviceConnectionId);
    // The pipeline's OIDC request needs the job's access token, which Azure Pipelines puts in the
    // environment only when the YAML maps it (a secret variable); the request URI is predefined.
    settings.environmentOnly('SYSTEM_ACCESSTOKEN', '$(System.AccessToken)').environmentOnly('SYSTEM_OIDCREQUESTURI', '$(System.OidcRequestUri)');
  }
  return settings;
}

/**
 * HCP Terraform's dynamic credentials ("Use dynamic credentials with the Azure provider",
 * https://developer.hashicorp.com/terraform/cloud-docs/dynamic-provider-credentials/azure-configuration):
 * the block or the workspace carries `subscription_id` and `tenant_id`, and must not set `client_id`,
 * `use_oidc` or `oidc_token` (nor ARM_CLIENT_ID, ARM_USE_OIDC, ARM_OIDC_TOKEN): HCP Terraform supplies
 * them. The client ID goes to the workspace as TFC_AZURE_RUN_CLIENT_ID.
 */
function hcpSignIn(names: ArmSignInNames, settings: SignInSettings, auth: SignInFacts, tenantId: string | undefined): SignInSettings {
  if (names.noHcpPath) {
    return settings.refuse({
      property: 'auth', value: 'HCP Terraform dynamic credentials', problem: names.noHcpPath,
      fix: 'run this provider where it gets a token of its own (GitHub Actions, Azure Pipelines, Kubernetes, or an HCP Terraform agent on Azure compute with Runner.azureCompute), or leave it out of the HCP Terraform workspace',
    });
  }
  settings.set(names.tenantId, tenantId).environmentOnly('TFC_AZURE_PROVIDER_AUTH', 'true');
  if (auth.clientId !== undefined) settings.environmentOnly('TFC_AZURE_RUN_CLIENT_ID', auth.clientId);
  return settings;
}

function orFromRuntime(settings: SignInSettings, name: SettingName, value: string | undefined, variable: string | undefined): void {
  if (value === undefined && variable !== undefined) settings.fromRuntime(name, variable);
  else settings.set(name, value);
}
