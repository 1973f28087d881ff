import { IEntraPrincipal } from '../../core/principal';
import { Trust } from '../../federation/trust';
import { Problem } from '../../private/problems';
import { given } from '../../private/shape';
import { ProviderAuth } from '../../providers/provider-auth';
import { RunnerKind } from '../runner-kind';
import { KubernetesRunnerProps } from '../runner-props';
import { TokenClaims } from '../token';


/** A pod whose service account token (subject `system:serviceaccount:{namespace}:{name}`) is exchanged. */
export class KubernetesRunner implements RunnerKind {
  public readonly platform = 'Kubernetes';
  public readonly description: string;
  public readonly problems: Problem[];
  private readonly trust: Trust;

  private readonly props: Partial<KubernetesRunnerProps>;

  constructor(input: Partial<KubernetesRunnerProps> | undefined, trust?: Trust) {
    this.props = given(input);
    this.trust = trust ?? Trust.kubernetes(input as KubernetesRunnerProps);
    this.description = this.trust.description;
    this.problems = this.trust._problems;
  }

  public tokensFor(): TokenClaims[] {
    return [{ label: 'the pod\'s service account token', issuer: this.trust.issuer, subject: this.trust.subject, audience: this.trust.audience }];
  }

  public trustsFor(): Trust[] {
    return [this.trust];
  }

  public trustHint(): string {
    return `Trust.kubernetes(...) with issuer "${this.trust.issuer}" and subject "${this.trust.subject}"`;
  }

  public providerAuth(identity: IEntraPrincipal, tenantId: string | undefined): ProviderAuth {
    return this.props.tokenFilePath === undefined
      ? ProviderAuth.aksWorkloadIdentity({ identity, tenantId })
      : ProviderAuth.workloadIdentity({ identity, tenantId, tokenFilePath: this.props.tokenFilePath });
  }

  public signInProblems(): Problem[] {
    return [];
  }

  public setupLines(): string[] {
    return [];
  }
}
