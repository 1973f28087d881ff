import { ArmSignInNames, armSignIn } from './arm-conventions';
import { SignInFacts, SignInSettings } from './settings';

/** azurerm's names: the prebuilt binding's config and the provider's variables (internal/provider/provider.go). */
const NAMES: ArmSignInNames = {
  useCli: { attribute: 'useCli', variable: 'ARM_USE_CLI' },
  useMsi: { attribute: 'useMsi', variable: 'ARM_USE_MSI' },
  useOidc: { attribute: 'useOidc', variable: 'ARM_USE_OIDC' },
  useAksWorkloadIdentity: { attribute: 'useAksWorkloadIdentity', variable: 'ARM_USE_AKS_WORKLOAD_IDENTITY' },
  clientId: { attribute: 'clientId', variable: 'ARM_CLIENT_ID' },
  tenantId: { attribute: 'tenantId', variable: 'ARM_TENANT_ID' },
  oidcTokenFilePath: { attribute: 'oidcTokenFilePath', variable: 'ARM_OIDC_TOKEN_FILE_PATH' },
  serviceConnectionId: { attribute: 'adoPipelineServiceConnectionId', variable: 'ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID' },
  needsTokenFilePath: true,
};

/** How the azurerm provider signs in. */
export function azurermSignIn(auth: SignInFacts, tenantId: string | undefined): SignInSettings {
  // azurerm 4.x stops without a subscription (internal/provider/provider.go); the block takes it as
  // subscriptionId, the environment form from the run.
  return armSignIn(NAMES, auth, tenantId).fromRuntime({ attribute: '', variable: 'ARM_SUBSCRIPTION_ID' }, 'ARM_SUBSCRIPTION_ID');
}
