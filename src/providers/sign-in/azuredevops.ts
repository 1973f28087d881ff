import { ArmSignInNames, armSignIn } from './arm-conventions';
import { SignInFacts, SignInSettings } from './settings';

/**
 * azuredevops' names: its schema and variables (azuredevops/provider.go in
 * microsoft/terraform-provider-azuredevops, v1.16.0). Several settings are read from a list of
 * variables through terraform-plugin-sdk's `MultiEnvDefaultFunc`, which skips an empty one and reads
 * the next: every name on a list must be emptied.
 */
const NAMES: ArmSignInNames = {
  provider: 'azuredevops',
  useCli: { attribute: 'use_cli', variable: 'ARM_USE_CLI' },
  useMsi: { attribute: 'use_msi', variable: 'ARM_USE_MSI' },
  useOidc: { attribute: 'use_oidc', variable: 'ARM_USE_OIDC' },
  clientId: { attribute: 'client_id', variable: 'ARM_CLIENT_ID' },
  tenantId: { attribute: 'tenant_id', variable: 'ARM_TENANT_ID' },
  oidcToken: { attribute: 'oidc_token', variable: 'ARM_OIDC_TOKEN' },
  oidcTokenFilePath: { attribute: 'oidc_token_file_path', variable: 'ARM_OIDC_TOKEN_FILE_PATH' },
  // Read from ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID first, then ARM_OIDC_AZURE_SERVICE_CONNECTION_ID and
  // AZURESUBSCRIPTION_SERVICE_CONNECTION_ID (azuredevops/provider.go, v1.16.0): the first is the one
  // to set, the one azurerm reads too.
  serviceConnectionId: { attribute: 'oidc_azure_service_connection_id', variable: 'ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID' },
  serviceConnectionVariables: ['ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID', 'ARM_OIDC_AZURE_SERVICE_CONNECTION_ID', 'AZURESUBSCRIPTION_SERVICE_CONNECTION_ID'],
  needsTokenFilePath: false,
  // tenant_id defaults from ARM_TENANT_ID, then AZURE_TENANT_ID, which the AKS webhook sets.
  readsWebhookTenant: true,
  // 1.16.0 also reads AZURE_CLIENT_SECRET, and its credential chain (Azure/entrauth aztfauth.go) tries
  // a secret and a certificate before a managed identity; an empty secret fails to build
  // (MSAL "secret can't be empty string") and is skipped, as is an empty certificate.
  secretVariables: [
    'ARM_CLIENT_CERTIFICATE', 'ARM_CLIENT_CERTIFICATE_PATH', 'ARM_CLIENT_CERTIFICATE_PASSWORD',
    'ARM_CLIENT_SECRET', 'AZURE_CLIENT_SECRET', 'ARM_CLIENT_SECRET_PATH', 'ARM_CLIENT_SECRET_FILE_PATH',
  ],
  clientIdVariables: ['ARM_CLIENT_ID', 'AZURE_CLIENT_ID', 'ARM_CLIENT_ID_FILE_PATH'],
  tokenFileVariables: ['AZURE_FEDERATED_TOKEN_FILE'],
  noHcpPath: 'azuredevops has no HCP Terraform path: HCP Terraform\'s dynamic credentials serve azurerm and azuread '
    + '(https://developer.hashicorp.com/terraform/cloud-docs/dynamic-provider-credentials/azure-configuration), '
    + 'and azuredevops 1.16.0 reads none of its TFC_AZURE_* variables (azuredevops/provider.go)',
};

/** How the azuredevops provider signs in. */
export function azuredevopsSignIn(auth: SignInFacts, tenantId: string | undefined): SignInSettings {
  // A personal access token beats every keyless method (azuredevops/provider.go, GetAuthProvider uses
  // GetOk, which reads an empty value as unset), so the environment form empties a stray AZDO_PERSONAL_ACCESS_TOKEN.
  return armSignIn(NAMES, auth, tenantId).defeats('AZDO_PERSONAL_ACCESS_TOKEN');
}
