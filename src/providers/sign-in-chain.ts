import { IConstruct } from 'constructs';
import { Problem } from '../private/problems';

/** What a sign-in's chain comes to, once the app is complete: the runner, the trust its token matches, and why not. */
export interface ChainVerdict {
  /** Where Terraform runs, for people ("GitHub Actions contoso/infra environment production"). */
  readonly runner: string;
  /**
   * The credential the runner's token matches, "not verifiable" when the library cannot tell, or
   * undefined when the sign-in uses no trust (a managed identity the machine wears).
   */
  readonly trust?: string;
  /** Mismatches: each names the identity, the sign-in and the trust to add. */
  readonly problems: Problem[];
}

/**
 * Where Terraform runs, as a provider's auth carries it: a runner made the auth and judges, once the
 * tree is complete, whether its token matches a trust of the identity the provider signs in as. The
 * providers folder knows only this interface; the runners folder implements it.
 */
export interface SignInChain {
  /** Where Terraform runs, for people. */
  readonly runner: string;
  /**
   * The chain of one provider's sign-in.
   *
   * @param provider the provider block that signs in
   * @param providerName the provider's name, for messages
   */
  judge(provider: IConstruct, providerName: string): ChainVerdict;
}
