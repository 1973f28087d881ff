import { TerraformProvider } from 'cdktf';
import { reviewFacts } from '../private/review-facts';
import { TerraformProviderKind } from './auth-method';
import type { ProviderAuth } from './provider-auth';

/** Records how a provider block signs in, for the trust report (prebuilt bindings keep no auth of their own). */
export function recordSignIn(provider: TerraformProvider, kind: TerraformProviderKind, auth: ProviderAuth): void {
  const chain = auth._chain;
  reviewFacts(provider).signIns.push({
    holder: provider, provider: kind, alias: () => provider.alias, method: auth.method,
    identity: auth.identity, clientId: auth.clientId, isSystemAssigned: auth.isSystemAssigned, federated: auth.federated,
    chain: chain && (() => {
      const verdict = chain.judge(provider, kind);
      return { runner: verdict.runner, trust: verdict.trust, matched: verdict.problems.length === 0 };
    }),
  });
}
