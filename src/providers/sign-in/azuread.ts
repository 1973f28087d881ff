import { HASHICORP_ARM_NAMES, armSignIn } from './arm-conventions';
import { SignInFacts, SignInSettings } from './settings';

/** How the azuread provider signs in: the shared ARM names, with no AKS mode of its own. */
export function azureadSignIn(auth: SignInFacts, tenantId: string | undefined): SignInSettings {
  return armSignIn(HASHICORP_ARM_NAMES, auth, tenantId);
}
