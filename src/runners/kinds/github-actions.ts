import { IEntraPrincipal } from '../../core/principal';
import { GitHubActionsTrustProps } from '../../federation/platforms/github';
import { Trust } from '../../federation/trust';
import { Problem } from '../../private/problems';
import { ProviderAuth } from '../../providers/provider-auth';
import { RunnerKind } from '../runner-kind';
import { TokenClaims } from '../token';

/**
 * A GitHub Actions job: its token's subject is what `Trust.githubActions` builds from the same props
 * (GitHub docs, "OpenID Connect reference"), and every provider requests it from the runner.
 */
export class GitHubActionsRunner implements RunnerKind {
  public readonly platform = 'GitHub Actions';
  public readonly description: string;
  public readonly problems: Problem[];
  private readonly trust: Trust;

  constructor(props: GitHubActionsTrustProps, trust?: Trust) {
    this.trust = trust ?? Trust.githubActions(props);
    this.description = this.trust.description;
    this.problems = this.trust._problems;
  }

  public tokensFor(): TokenClaims[] {
    return [{ label: 'the job\'s token', issuer: this.trust.issuer, subject: this.trust.subject, audience: this.trust.audience }];
  }

  public trustsFor(): Trust[] {
    return [this.trust];
  }

  public trustHint(): string {
    return `Trust.githubActions(...) with subject "${this.trust.subject}"`;
  }

  public providerAuth(identity: IEntraPrincipal, tenantId: string | undefined): ProviderAuth {
    return ProviderAuth.githubActionsOidc({ identity, tenantId });
  }

  public signInProblems(): [] {
    return [];
  }

  public setupLines(): string[] {
    return [];
  }
}
