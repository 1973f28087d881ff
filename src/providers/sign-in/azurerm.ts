import { ArmSignInNames, HASHICORP_ARM_NAMES, armSignIn } from './arm-conventions';
import { SignInFacts, SignInSettings } from './settings';

/** azurerm adds its AKS mode, which reads the webhook's variables (AZURE_TENANT_ID among them) itself. */
const NAMES: ArmSignInNames = {
  ...HASHICORP_ARM_NAMES,
  provider: 'azurerm',
  useAksWorkloadIdentity: { attribute: 'useAksWorkloadIdentity', variable: 'ARM_USE_AKS_WORKLOAD_IDENTITY' },
  readsWebhookTenant: true,
};

/** How the azurerm provider signs in. */
export function azurermSignIn(auth: SignInFacts, tenantId: string | undefined): SignInSettings {
  // azurerm 4.x stops without a subscription (internal/provider/provider.go); the block takes it as
  // subscriptionId, the environment form from the run.
  return armSignIn(NAMES, auth, tenantId).environmentOnly('ARM_SUBSCRIPTION_ID', '$ARM_SUBSCRIPTION_ID');
}
