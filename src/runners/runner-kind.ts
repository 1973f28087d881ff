import { IEntraPrincipal } from '../core/principal';
import { Trust } from '../federation/trust';
import { Problem } from '../private/problems';
import { ProviderAuth } from '../providers/provider-auth';
import { TokenClaims } from './token';

/**
 * One kind of place where Terraform runs. `Runner` wraps one of these, so that every question about
 * a runner (which trust, which sign-in, which token) is answered by the kind itself, never by a switch.
 */
export interface RunnerKind {
  /** The platform, for people: "GitHub Actions". */
  readonly platform: string;
  /** This runner, for people: "GitHub Actions contoso/infra environment production". */
  readonly description: string;
  /** Bad input, reported by the construct that uses the runner. */
  readonly problems: Problem[];
  /**
   * The tokens a run presents to sign in as `identity`, each of which must match one of its trusts;
   * none when the machine wears the identity itself (no trust is used).
   */
  tokensFor(identity: IEntraPrincipal): TokenClaims[];
  /** The trusts `identity` needs for this runner's tokens; none when they cannot be known at synth. */
  trustsFor(identity: IEntraPrincipal): Trust[];
  /** How to add the trust, for people: a factory call or the claims to read from the platform. */
  trustHint(identity: IEntraPrincipal): string;
  /** How every provider signs in as `identity` from here. */
  providerAuth(identity: IEntraPrincipal, tenantId: string | undefined): ProviderAuth;
  /** Why the run cannot sign in as `identity` at all (an identity the machine does not wear, say). */
  signInProblems(identity: IEntraPrincipal): Problem[];
  /** Shell lines to run before Terraform (fetch a token, unset stray variables); none when nothing is needed. */
  setupLines(identity: IEntraPrincipal): string[];
}
