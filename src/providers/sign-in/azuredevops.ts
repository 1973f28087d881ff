import { ArmSignInNames, armSignIn } from './arm-conventions';
import { SignInFacts, SignInSettings } from './settings';

/** azuredevops' names: its schema and variables (azuredevops/provider.go in microsoft/terraform-provider-azuredevops). */
const NAMES: ArmSignInNames = {
  useCli: { attribute: 'use_cli', variable: 'ARM_USE_CLI' },
  useMsi: { attribute: 'use_msi', variable: 'ARM_USE_MSI' },
  useOidc: { attribute: 'use_oidc', variable: 'ARM_USE_OIDC' },
  clientId: { attribute: 'client_id', variable: 'ARM_CLIENT_ID' },
  tenantId: { attribute: 'tenant_id', variable: 'ARM_TENANT_ID' },
  oidcTokenFilePath: { attribute: 'oidc_token_file_path', variable: 'ARM_OIDC_TOKEN_FILE_PATH' },
  serviceConnectionId: { attribute: 'oidc_azure_service_connection_id', variable: 'ARM_OIDC_AZURE_SERVICE_CONNECTION_ID' },
  needsTokenFilePath: false,
};

/** How the azuredevops provider signs in. */
export function azuredevopsSignIn(auth: SignInFacts, tenantId: string | undefined): SignInSettings {
  // A personal access token beats every keyless method (azuredevops/provider.go), so the environment
  // form empties a stray AZDO_PERSONAL_ACCESS_TOKEN.
  return armSignIn(NAMES, auth, tenantId).environmentOnly('AZDO_PERSONAL_ACCESS_TOKEN', '');
}
