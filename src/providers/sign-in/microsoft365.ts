import { ProviderAuthMethod } from '../auth-method';
import { SignInFacts, SignInSettings } from './settings';

/**
 * microsoft365's names, from its schema (internal/provider/provider.go) and the variables it reads
 * (internal/provider/set_configuration.go in deploymenttheory/terraform-provider-microsoft365).
 * Its environment overrides its HCL, so a managed identity goes in M365_MANAGED_IDENTITY_ID, which
 * the provider reads before an AZURE_CLIENT_ID a webhook may have set.
 */
const NAMES = {
  tenantId: { attribute: 'tenant_id', variable: 'M365_TENANT_ID' },
  authMethod: { attribute: 'auth_method', variable: 'M365_AUTH_METHOD' },
  managedIdentityId: { attribute: 'entra_id_options.managed_identity_id', variable: 'M365_MANAGED_IDENTITY_ID' },
  clientId: { attribute: 'entra_id_options.client_id', variable: 'M365_CLIENT_ID' },
  federatedTokenFilePath: { attribute: 'entra_id_options.federated_token_file_path', variable: 'AZURE_FEDERATED_TOKEN_FILE' },
};

const AUTH_METHODS: { [method: string]: string } = {
  [ProviderAuthMethod.MANAGED_IDENTITY]: 'managed_identity',
  [ProviderAuthMethod.WORKLOAD_IDENTITY]: 'workload_identity',
  [ProviderAuthMethod.AKS_WORKLOAD_IDENTITY]: 'workload_identity',
  [ProviderAuthMethod.GITHUB_ACTIONS_OIDC]: 'oidc_github',
  [ProviderAuthMethod.AZURE_DEVOPS_OIDC]: 'oidc_azure_devops',
};

/** How the microsoft365 provider signs in: `auth_method` and its `entra_id_options`. */
export function microsoft365SignIn(auth: SignInFacts, tenantId: string | undefined): SignInSettings {
  const settings = new SignInSettings().set(NAMES.tenantId, tenantId).set(NAMES.authMethod, AUTH_METHODS[auth.method]);
  if (auth.method === ProviderAuthMethod.MANAGED_IDENTITY) {
    return settings.set(NAMES.managedIdentityId, auth.clientId ?? auth.resourceId);
  }
  settings.set(NAMES.clientId, auth.clientId).set(NAMES.federatedTokenFilePath, auth.tokenFilePath);
  // The provider ignores ado_service_connection_id: what selects the connection is the token the
  // pipeline puts in AZURE_DEVOPS_FEDERATION_TOKEN, e.g. the idToken of an AzureCLI@2 task.
  // It is read only from the environment, once (internal/client/client_credential_factory.go, Azure DevOps OIDC strategy).
  return auth.method === ProviderAuthMethod.AZURE_DEVOPS_OIDC ? settings.environmentOnly('AZURE_DEVOPS_FEDERATION_TOKEN', '$idToken') : settings;
}
