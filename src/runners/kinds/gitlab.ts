import { IEntraPrincipal } from '../../core/principal';
import { Trust } from '../../federation/trust';
import { Problem } from '../../private/problems';
import { given } from '../../private/shape';
import { ProviderAuth } from '../../providers/provider-auth';
import { RunnerKind } from '../runner-kind';
import { GitLabRunnerProps } from '../runner-props';
import { TokenClaims } from '../token';


/** A GitLab job's ID token (subject `project_path:{path}:ref_type:{type}:ref:{ref}`), from `id_tokens`. */
export class GitLabRunner implements RunnerKind {
  public readonly platform = 'GitLab';
  public readonly description: string;
  public readonly problems: Problem[];
  private readonly trust: Trust;
  private readonly variable: string;

  private readonly props: GitLabRunnerProps;

  constructor(input: GitLabRunnerProps) {
    const props = given(input);
    this.props = props;
    this.trust = Trust.gitlab(input);
    this.description = `GitLab ${props?.projectPath} ${props?.refType} ${props?.ref}`;
    this.problems = this.trust._problems;
    this.variable = props?.tokenEnvironmentVariable ?? 'GITLAB_OIDC_TOKEN';
  }

  public tokensFor(): TokenClaims[] {
    return [{ label: 'the job\'s ID token', issuer: this.trust.issuer, subject: this.trust.subject, audience: this.trust.audience }];
  }

  public trustsFor(): Trust[] {
    return [this.trust];
  }

  public trustHint(): string {
    return `Trust.gitlab(...) with subject "${this.trust.subject}" and audience "${this.trust.audience}"`;
  }

  public providerAuth(identity: IEntraPrincipal, tenantId: string | undefined): ProviderAuth {
    return this.props.tokenFilePath !== undefined
      ? ProviderAuth.federatedToken({ identity, tenantId, tokenFilePath: this.props.tokenFilePath })
      : ProviderAuth.federatedToken({ identity, tenantId, tokenEnvironmentVariable: this.variable });
  }

  public signInProblems(): Problem[] {
    return [];
  }

  public setupLines(): string[] {
    // The job requests the token with `id_tokens: { <variable>: { aud: <audience> } }` in .gitlab-ci.yml.
    return this.props.tokenFilePath !== undefined ? [`printf '%s' "$${this.variable}" > ${this.props.tokenFilePath}`] : [];
  }
}
