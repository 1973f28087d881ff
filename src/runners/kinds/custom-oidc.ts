import { IEntraPrincipal } from '../../core/principal';
import { Trust } from '../../federation/trust';
import { Problem } from '../../private/problems';
import { given, requiredProblems } from '../../private/shape';
import { ProviderAuth } from '../../providers/provider-auth';
import { RunnerKind } from '../runner-kind';
import { CustomOidcRunnerProps } from '../runner-props';
import { TokenClaims } from '../token';


/** Any issuer's token, with the claims given, from a file or a variable. */
export class CustomOidcRunner implements RunnerKind {
  public readonly platform = 'Custom OIDC issuer';
  public readonly description: string;
  public readonly problems: Problem[];
  private readonly trust: Trust;
  private readonly props: CustomOidcRunnerProps;

  constructor(input: CustomOidcRunnerProps) {
    this.props = given(input);
    this.trust = Trust.custom({ issuer: this.props.issuer, subject: this.props.subject, audience: this.props.audience });
    this.description = `${this.props.issuer} ${this.props.subject}`;
    this.problems = [...requiredProblems(this.props, ['issuer', 'subject'], 'CustomOidcRunnerProps'), ...this.trust._problems];
  }

  public tokensFor(): TokenClaims[] {
    return [{ label: 'the token', issuer: this.trust.issuer, subject: this.trust.subject, audience: this.trust.audience }];
  }

  public trustsFor(): Trust[] {
    return [this.trust];
  }

  public trustHint(): string {
    return `Trust.custom({ issuer: '${this.trust.issuer}', subject: '${this.trust.subject}' })`;
  }

  public providerAuth(identity: IEntraPrincipal, tenantId: string | undefined): ProviderAuth {
    return ProviderAuth.federatedToken({ identity, tenantId, tokenFilePath: this.props.tokenFilePath, tokenEnvironmentVariable: this.props.tokenEnvironmentVariable });
  }

  public signInProblems(): Problem[] {
    return [];
  }

  public setupLines(): string[] {
    return [];
  }
}
