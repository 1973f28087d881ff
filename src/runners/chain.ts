import { IConstruct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { IEntraPrincipal } from '../core/principal';
import { trustedTokens } from '../federation/credential-registry';
import { Problem } from '../private/problems';
import { ChainVerdict, SignInChain } from '../providers/sign-in-chain';
import { RunnerKind } from './runner-kind';
import { matchToken } from './token';
import { TrustMatch } from './trust-match';

/**
 * The chain of one sign-in: where Terraform runs (the runner), the identity signed in as, and the
 * trust of that identity the runner's token matches. Judged once the tree is complete, since trusts
 * can be added after the provider.
 */
export class RunnerChain implements SignInChain {
  public readonly runner: string;

  constructor(private readonly kind: RunnerKind, private readonly identity: IEntraPrincipal) {
    this.runner = kind.description;
  }

  public judge(_provider: IConstruct, providerName: string): ChainVerdict {
    const identity = this.identity;
    const wearing = this.kind.signInProblems(identity);
    if (wearing.length) return { runner: this.runner, problems: wearing };
    const tokens = this.kind.tokensFor(identity);
    if (tokens.length === 0) return { runner: this.runner, problems: [] };
    const credentials = trustedTokens(identity);
    // An identity this app creates has all its trusts here; one it refers to may have more elsewhere.
    const allKnown = TerraformResource.isTerraformResource(identity.node.defaultChild);
    const used: string[] = [];
    const problems: Problem[] = [];
    for (const token of tokens) {
      const verdicts = credentials.map((c) => ({ credential: c, match: matchToken(token, c) }));
      const matched = verdicts.find((v) => v.match === TrustMatch.MATCHES);
      if (matched) {
        used.push(matched.credential.name);
      } else if (verdicts.some((v) => v.match === TrustMatch.NOT_VERIFIABLE) || !allKnown) {
        used.push(TrustMatch.NOT_VERIFIABLE);
      } else {
        const claims = [`issuer "${token.issuer}"`, `subject "${token.subject}"`, `audience "${token.audience}"`].join(', ');
        problems.push({
          property: 'runner', value: this.runner,
          problem: `${providerName} signs in as ${identity.node.path} with ${token.label} (${claims}), and `
            + `${credentials.length ? `none of its ${credentials.length} trust(s) matches it` : 'it has no trust'}, so sign-in fails (AADSTS70021)`,
          fix: `add the trust to ${identity.node.path}: addFederatedCredential(id, ${this.kind.trustHint(identity)}), `
            + 'or pass the runner where Terraform really runs',
        });
      }
    }
    const trust = [...new Set(used)].join(', ');
    return { runner: this.runner, trust, problems };
  }
}
