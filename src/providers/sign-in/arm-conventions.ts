import { ProviderAuthMethod } from '../auth-method';
import { SettingName, SignInFacts, SignInSettings } from './settings';

/** The ARM_* settings azurerm, azuread and azuredevops share, each provider with its own attribute names. */
export interface ArmSignInNames {
  readonly useCli: SettingName;
  readonly useMsi: SettingName;
  readonly useOidc: SettingName;
  readonly clientId: SettingName;
  readonly tenantId: SettingName;
  readonly oidcTokenFilePath: SettingName;
  /** The setting that names the Azure DevOps service connection. */
  readonly serviceConnectionId: SettingName;
  /** azurerm only: sign in with the AKS webhook's variables, read by the provider itself. */
  readonly useAksWorkloadIdentity?: SettingName;
  /**
   * Whether the provider needs the token file's path spelled out: azuread ignores
   * AZURE_FEDERATED_TOKEN_FILE (hashicorp/terraform-provider-azuread#1688) and azurerm reads it only
   * with use_aks_workload_identity.
   */
  readonly needsTokenFilePath: boolean;
}

/**
 * The names azurerm and azuread share: the prebuilt bindings' config and the ARM_* variables their
 * internal/provider/provider.go reads.
 */
export const HASHICORP_ARM_NAMES: ArmSignInNames = {
  useCli: { attribute: 'useCli', variable: 'ARM_USE_CLI' },
  useMsi: { attribute: 'useMsi', variable: 'ARM_USE_MSI' },
  useOidc: { attribute: 'useOidc', variable: 'ARM_USE_OIDC' },
  clientId: { attribute: 'clientId', variable: 'ARM_CLIENT_ID' },
  tenantId: { attribute: 'tenantId', variable: 'ARM_TENANT_ID' },
  oidcTokenFilePath: { attribute: 'oidcTokenFilePath', variable: 'ARM_OIDC_TOKEN_FILE_PATH' },
  serviceConnectionId: { attribute: 'adoPipelineServiceConnectionId', variable: 'ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID' },
  needsTokenFilePath: true,
};

/**
 * A keyless sign-in in the ARM conventions. `use_cli = false` always, so that a run never falls
 * back to whoever is logged in to the Azure CLI. The token file's path is never hard-coded: it
 * moved in azure-workload-identity v1.6.0.
 */
export function armSignIn(names: ArmSignInNames, auth: SignInFacts, tenantId: string | undefined): SignInSettings {
  const settings = new SignInSettings().set(names.useCli, false);
  const aks = auth.method === ProviderAuthMethod.AKS_WORKLOAD_IDENTITY;
  if (auth.method === ProviderAuthMethod.MANAGED_IDENTITY) {
    return settings.set(names.useMsi, true).set(names.clientId, auth.clientId).set(names.tenantId, tenantId);
  }
  if (aks && names.useAksWorkloadIdentity) {
    return settings.set(names.useAksWorkloadIdentity, true).set(names.clientId, auth.clientId).set(names.tenantId, tenantId);
  }
  settings.set(names.useOidc, true);
  orFromRuntime(settings, names.clientId, auth.clientId, aks ? 'AZURE_CLIENT_ID' : undefined);
  orFromRuntime(settings, names.tenantId, tenantId, aks ? 'AZURE_TENANT_ID' : undefined);
  if (auth.method === ProviderAuthMethod.WORKLOAD_IDENTITY || aks) {
    orFromRuntime(settings, names.oidcTokenFilePath, auth.tokenFilePath, names.needsTokenFilePath ? 'AZURE_FEDERATED_TOKEN_FILE' : undefined);
  }
  if (auth.method === ProviderAuthMethod.AZURE_DEVOPS_OIDC) {
    settings.set(names.serviceConnectionId, auth.serviceConnectionId);
    // The pipeline's OIDC request needs the job's access token, which Azure Pipelines puts in the
    // environment only when the YAML maps it (a secret variable); the request URI is predefined.
    settings.environmentOnly('SYSTEM_ACCESSTOKEN', '$(System.AccessToken)').environmentOnly('SYSTEM_OIDCREQUESTURI', '$(System.OidcRequestUri)');
  }
  return settings;
}

function orFromRuntime(settings: SignInSettings, name: SettingName, value: string | undefined, variable: string | undefined): void {
  if (value === undefined && variable !== undefined) settings.fromRuntime(name, variable);
  else settings.set(name, value);
}
