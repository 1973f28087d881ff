import { ArmSignInNames, armSignIn } from './arm-conventions';
import { SignInFacts, SignInSettings } from './settings';

/** azuread's names: the prebuilt binding's config and the provider's variables (internal/provider/provider.go). */
const NAMES: ArmSignInNames = {
  useCli: { attribute: 'useCli', variable: 'ARM_USE_CLI' },
  useMsi: { attribute: 'useMsi', variable: 'ARM_USE_MSI' },
  useOidc: { attribute: 'useOidc', variable: 'ARM_USE_OIDC' },
  clientId: { attribute: 'clientId', variable: 'ARM_CLIENT_ID' },
  tenantId: { attribute: 'tenantId', variable: 'ARM_TENANT_ID' },
  oidcTokenFilePath: { attribute: 'oidcTokenFilePath', variable: 'ARM_OIDC_TOKEN_FILE_PATH' },
  serviceConnectionId: { attribute: 'adoPipelineServiceConnectionId', variable: 'ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID' },
  needsTokenFilePath: true,
};

/** How the azuread provider signs in. */
export function azureadSignIn(auth: SignInFacts, tenantId: string | undefined): SignInSettings {
  return armSignIn(NAMES, auth, tenantId);
}
