import { IConstruct } from 'constructs';
import { TerraformProviderKind } from './auth-method';
import type { ProviderAuth } from './provider-auth';

/** How a provider block the library configured signs in: its kind and its auth. */
export interface ProviderSignIn {
  readonly provider: TerraformProviderKind;
  readonly auth: ProviderAuth;
}

const signIns = new WeakMap<IConstruct, ProviderSignIn>();

/** Remembers how a provider block signs in, for the trust report (prebuilt bindings keep no auth of their own). */
export function recordSignIn(provider: IConstruct, signIn: ProviderSignIn): void {
  signIns.set(provider, signIn);
}

/** How a provider block signs in, when the library configured it. */
export function signInOf(provider: IConstruct): ProviderSignIn | undefined {
  return signIns.get(provider);
}
