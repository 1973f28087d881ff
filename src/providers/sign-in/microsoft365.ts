import { ProviderAuthMethod } from '../auth-method';
import { SignInFacts, SignInSettings } from './settings';

/**
 * microsoft365's names, from its schema (internal/provider/provider.go) and the variables it reads
 * (internal/provider/set_configuration.go in deploymenttheory/terraform-provider-microsoft365,
 * v0.57.1-alpha). Its environment overrides its HCL (internal/helpers/variables.go: a non-empty
 * variable wins, an empty one counts as unset), so a managed identity goes in M365_MANAGED_IDENTITY_ID,
 * which the provider reads before an AZURE_CLIENT_ID a webhook may have set.
 */
const NAMES = {
  tenantId: { attribute: 'tenant_id', variable: 'M365_TENANT_ID' },
  authMethod: { attribute: 'auth_method', variable: 'M365_AUTH_METHOD' },
  managedIdentityId: { attribute: 'entra_id_options.managed_identity_id', variable: 'M365_MANAGED_IDENTITY_ID' },
  clientId: { attribute: 'entra_id_options.client_id', variable: 'M365_CLIENT_ID' },
  federatedTokenFilePath: { attribute: 'entra_id_options.federated_token_file_path', variable: 'AZURE_FEDERATED_TOKEN_FILE' },
  oidcTokenFilePath: { attribute: 'entra_id_options.oidc_token_file_path', variable: 'M365_OIDC_TOKEN_FILE_PATH' },
};

const AUTH_METHODS: { [method: string]: string } = {
  [ProviderAuthMethod.MANAGED_IDENTITY]: 'managed_identity',
  [ProviderAuthMethod.WORKLOAD_IDENTITY]: 'workload_identity',
  [ProviderAuthMethod.AKS_WORKLOAD_IDENTITY]: 'workload_identity',
  [ProviderAuthMethod.GITHUB_ACTIONS_OIDC]: 'oidc_github',
  [ProviderAuthMethod.AZURE_DEVOPS_OIDC]: 'oidc_azure_devops',
  // The `oidc` strategy (internal/client/client_credential_factory.go) reads the token file each time
  // it needs an assertion, so a file that is refreshed keeps a long apply signed in.
  [ProviderAuthMethod.FEDERATED_TOKEN]: 'oidc',
};

/** How the microsoft365 provider signs in: `auth_method` and its `entra_id_options`. */
export function microsoft365SignIn(auth: SignInFacts, tenantId: string | undefined): SignInSettings {
  // azidentity rejects an empty tenant, and microsoft365 reads it only from tenant_id or M365_TENANT_ID.
  const settings = new SignInSettings().tenantIn(NAMES.tenantId, 'microsoft365', 'tenant_id or M365_TENANT_ID (never AZURE_TENANT_ID or ARM_TENANT_ID)')
    .set(NAMES.tenantId, tenantId).set(NAMES.authMethod, AUTH_METHODS[auth.method]).environmentBeatsBlock();
  if (auth.method === ProviderAuthMethod.HCP_TERRAFORM_DYNAMIC_CREDENTIALS) {
    return settings.refuse({
      property: 'auth', value: 'HCP Terraform dynamic credentials',
      problem: 'microsoft365 has no HCP Terraform path: HCP Terraform\'s dynamic credentials serve azurerm and azuread '
        + '(https://developer.hashicorp.com/terraform/cloud-docs/dynamic-provider-credentials/azure-configuration), and '
        + 'microsoft365 0.57.1-alpha reads none of the TFC_AZURE_* variables (internal/provider/set_configuration.go)',
      fix: 'run microsoft365 where it gets a token of its own: GitHub Actions, Azure Pipelines, Kubernetes, or an HCP Terraform agent on '
        + 'Azure compute (Runner.azureCompute)',
    });
  }
  if (auth.method === ProviderAuthMethod.MANAGED_IDENTITY) {
    // managed_identity_id reads M365_MANAGED_IDENTITY_ID, then AZURE_CLIENT_ID, then the block.
    return settings.set(NAMES.managedIdentityId, auth.clientId ?? auth.resourceId).environmentBeatsBlock('AZURE_CLIENT_ID');
  }
  settings.set(NAMES.clientId, auth.clientId);
  if (auth.method === ProviderAuthMethod.FEDERATED_TOKEN) {
    if (auth.tokenEnvironmentVariable !== undefined) {
      // The oidc strategy takes a token from entra_id_options.oidc_token or a file; no variable names the token.
      settings.refuse({
        property: 'auth.tokenEnvironmentVariable', value: auth.tokenEnvironmentVariable,
        problem: 'microsoft365 reads a federated token only from a file (M365_OIDC_TOKEN_FILE_PATH) or from the provider block, never from a variable',
        fix: `write the token to a file before Terraform runs (printf '%s' "$${auth.tokenEnvironmentVariable}" > .federated-token) and pass tokenFilePath instead`,
      });
    }
    return settings.set(NAMES.oidcTokenFilePath, auth.tokenFilePath);
  }
  settings.set(NAMES.federatedTokenFilePath, auth.tokenFilePath);
  // The provider ignores ado_service_connection_id: what selects the connection is the token the
  // pipeline puts in AZURE_DEVOPS_FEDERATION_TOKEN, e.g. the idToken of an AzureCLI@2 task.
  // It is read only from the environment, once (internal/client/client_credential_factory.go, Azure DevOps OIDC strategy).
  return auth.method === ProviderAuthMethod.AZURE_DEVOPS_OIDC ? settings.environmentOnly('AZURE_DEVOPS_FEDERATION_TOKEN', '$idToken') : settings;
}
